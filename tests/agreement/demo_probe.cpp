// tests/agreement/demo_probe.cpp — imports files into an in-memory workspace and prints every
// developer's summary as JSON. Built natively and to wasm; compare.mjs checks both against the
// expectations the demo generator computed on its own (fixtures/demo/expected-developers.json).
//
//   demo_probe FILE...   (*.mailmap files are added as identity rules)
#include <cstdio>
#include <string>

#include "loupe/api/session.h"
#include "loupe/metrics/developer_summary.h"

int main(int argc, char** argv) {
  using namespace loupe;
  auto session = api::Session::InMemory();
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    auto input = ingest::InputBuffer::ReadFile(path);
    if (!input.ok()) {
      std::fprintf(stderr, "%s\n", input.status().ToString().c_str());
      return 1;
    }
    Status status;
    if (path.size() > 8 && path.compare(path.size() - 8, 8, ".mailmap") == 0) {
      status = session->ImportMailmap(input->view(), path).status();
    } else {
      ingest::ImportOptions options;
      options.source_name = path;
      options.repo = "acme/rocket";
      status = session->Import(*input, options).status();
    }
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
  }
  JsonWriter w(true);
  w.BeginArray();
  const auto& resolution = session->resolution();
  for (const auto& row : metrics::SummarizeDevelopers(session->activity())) {
    metrics::WriteDeveloperSummaryJson(w, row, resolution.developers()[row.developer], session->workspace());
  }
  w.EndArray();
  std::printf("%s\n", w.str().c_str());
  return 0;
}
