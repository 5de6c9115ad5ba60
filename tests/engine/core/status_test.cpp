#include "loupe/core/status.h"

#include <catch2/catch.hpp>

namespace loupe {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return InvalidInput(std::to_string(n) + " is odd");
  return n / 2;
}

Result<int> Quarter(int n) {
  LOUPE_ASSIGN_OR_RETURN(int half, Half(n));
  LOUPE_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int n) {
  LOUPE_TRY(Half(n));
  return Status::Ok();
}

TEST_CASE("Status: propagation macros return the first failure", "[core][status]") {
  // 12 -> 6 -> 3: both halvings succeed. 6 -> 3 -> fails on 3.
  REQUIRE(Quarter(12).ok());
  CHECK(*Quarter(12) == 3);
  auto failed = Quarter(6);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().code() == StatusCode::kInvalidInput);
  CHECK(failed.status().message() == "3 is odd");
  CHECK(CheckEven(4).ok());
  CHECK_FALSE(CheckEven(5).ok());
}

TEST_CASE("Status: location parts are filled innermost first and printed in order",
          "[core][status]") {
  // The field is known deepest, then the record, then the file; an outer layer must not
  // overwrite what an inner one set.
  Status s = InvalidInput("expected a string, got a number");
  s.WithField("commit.author.name").WithRecord("record 3 (line 4)").WithField("ignored");
  s.WithFile("commits.json");
  CHECK(s.location().field == "commit.author.name");
  CHECK(s.ToString() ==
        "commits.json: record 3 (line 4), field commit.author.name: expected a string, got a number");
  CHECK(Status::Ok().ToString() == "ok");
  CHECK(InvalidInput("bad").WithFile("x.json").ToString() == "x.json: bad");
}

TEST_CASE("Status: an OK status given to Result becomes an internal error", "[core][status]") {
  Result<int> r(Status::Ok());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kInternal);
}

}  // namespace
}  // namespace loupe
