#include "loupe/identity/mailmap.h"

#include "loupe/core/strings.h"

namespace loupe::identity {

namespace {

// One "Name <email>" part of a line: the name may be empty.
struct Part {
  std::string name;
  std::string email;
};

}  // namespace

Result<std::vector<model::MailmapEntry>> ParseMailmap(std::string_view text) {
  std::vector<model::MailmapEntry> out;
  const std::vector<std::string_view> lines = Split(text, '\n');
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    const std::string record = "line " + std::to_string(n + 1);
    if (!IsValidUtf8(line)) return InvalidInput("invalid UTF-8").WithRecord(record);
    for (char c : line) {
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
        return InvalidInput("control character in a name or address").WithRecord(record);
      }
    }
    // gitmailmap(5): '#' alone or after a space starts a comment, except inside <…>.
    bool in_address = false;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '<') in_address = true;
      if (line[i] == '>') in_address = false;
      if (line[i] == '#' && !in_address && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line = line.substr(0, i);
        break;
      }
    }
    line = Trim(line);
    if (line.empty()) continue;
    std::vector<Part> parts;
    size_t pos = 0;
    while (pos < line.size()) {
      const size_t lt = line.find('<', pos);
      if (lt == std::string_view::npos) {
        if (!Trim(line.substr(pos)).empty()) {
          return InvalidInput("text after the last <e-mail>: expected \"Name <e-mail>\" parts")
              .WithRecord(record);
        }
        break;
      }
      const size_t gt = line.find('>', lt);
      if (gt == std::string_view::npos) return InvalidInput("unclosed '<'").WithRecord(record);
      Part part{std::string(Trim(line.substr(pos, lt - pos))),
                std::string(Trim(line.substr(lt + 1, gt - lt - 1)))};
      // Written back, a '>' in a name or a '<', space or tab in an address would read differently.
      if (part.name.find('>') != std::string::npos || (!part.name.empty() && part.name[0] == '#')) {
        return InvalidInput("a name may not contain '>' or start with '#'").WithRecord(record);
      }
      if (part.email.find_first_of("< \t") != std::string::npos) {
        return InvalidInput("malformed e-mail <" + part.email + ">").WithRecord(record);
      }
      parts.push_back(std::move(part));
      pos = gt + 1;
    }
    model::MailmapEntry entry;
    if (parts.size() == 1) {
      // "Proper Name <commit@email>": fixes the name only.
      if (parts[0].name.empty()) return InvalidInput("a name or a second e-mail is needed").WithRecord(record);
      entry.proper_name = parts[0].name;
      entry.commit_email = parts[0].email;
    } else if (parts.size() == 2) {
      // "<>" as the proper address would be dropped on writing, changing the line's meaning.
      if (parts[0].email.empty()) return InvalidInput("empty proper e-mail <>").WithRecord(record);
      entry.proper_name = parts[0].name;
      entry.proper_email = parts[0].email;
      entry.commit_name = parts[1].name;
      entry.commit_email = parts[1].email;
    } else {
      return InvalidInput("expected at most two <e-mail> parts, found " + std::to_string(parts.size()))
          .WithRecord(record);
    }
    if (entry.commit_email.empty()) return InvalidInput("empty commit e-mail").WithRecord(record);
    out.push_back(std::move(entry));
  }
  return out;
}

std::string FormatMailmap(const std::vector<model::MailmapEntry>& entries) {
  std::string out;
  for (const model::MailmapEntry& e : entries) {
    std::string line;
    if (!e.proper_name.empty()) line += e.proper_name + " ";
    if (!e.proper_email.empty()) line += "<" + e.proper_email + "> ";
    if (!e.commit_name.empty()) line += e.commit_name + " ";
    line += "<" + e.commit_email + ">";
    out += line + "\n";
  }
  return out;
}

}  // namespace loupe::identity
