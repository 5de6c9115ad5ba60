// Dependency readers for the manifest formats of model::ManifestKind. They read only what
// technology tracking needs (names and version requirements), line by line where the format
// allows, and never evaluate anything (no Gradle or Swift execution, no Maven inheritance).
#include "loupe/intelligence/manifests.h"

#include <algorithm>
#include <map>

#include "loupe/core/strings.h"
#include "simdjson.h"

namespace loupe::intelligence {
namespace {

// Collects dependencies, keeping the first declaration of each name.
class DependencyList {
 public:
  void Add(std::string_view name, std::string_view spec) { Add(name, spec, false); }
  void AddToolchain(std::string_view name, std::string_view spec) { Add(name, spec, true); }
  void Add(std::string_view name, std::string_view spec, bool toolchain) {
    name = Trim(name);
    spec = Trim(spec);
    if (name.empty()) return;
    if (std::any_of(out_.begin(), out_.end(),
                    [&](const Dependency& d) { return d.name == name && d.toolchain == toolchain; })) {
      return;
    }
    out_.push_back({std::string(name), std::string(spec), toolchain});
  }
  std::vector<Dependency> Take() { return std::move(out_); }

 private:
  std::vector<Dependency> out_;
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

// ---- package.json ------------------------------------------------------------------------------

Result<std::vector<Dependency>> ParsePackageJson(std::string_view content) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto e = parser.parse(simdjson::padded_string(content)).get(doc)) {
    return InvalidInput(std::string("package.json is not valid JSON: ") + simdjson::error_message(e));
  }
  simdjson::dom::object root;
  if (doc.get(root)) return InvalidInput("package.json is not a JSON object");
  DependencyList list;
  for (const char* key : {"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"}) {
    simdjson::dom::object deps;
    if (root[key].get(deps)) continue;
    for (auto [name, value] : deps) {
      std::string_view spec;
      if (!value.get(spec)) list.Add(name, spec);
    }
  }
  std::string_view node;
  if (!root["engines"]["node"].get(node)) list.AddToolchain("node", node);
  return list.Take();
}

// ---- TOML (the subset manifests use) -----------------------------------------------------------

// A TOML value as text: a basic or literal string unquoted (escapes other than \" and \\ are not
// needed for versions), else the raw text (inline tables, arrays, numbers, booleans).
std::string TomlString(std::string_view value) {
  value = Trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
    const char q = value.front();
    std::string out;
    for (size_t i = 1; i < value.size() && value[i] != q; ++i) {
      if (q == '"' && value[i] == '\\' && i + 1 < value.size()) ++i;
      out += value[i];
    }
    return out;
  }
  return std::string(value);
}

// Offset of a '#' comment outside strings, or npos.
size_t TomlCommentStart(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Net bracket depth of `text` outside strings ('[' and '{' open).
int TomlDepth(std::string_view text) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return depth;
}

// The string items of a TOML array ["a", 'b'].
std::vector<std::string> TomlStringArray(std::string_view value) {
  std::vector<std::string> out;
  char quote = 0;
  std::string item;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"' && i + 1 < value.size()) {
        item += value[++i];
      } else if (c == quote) {
        out.push_back(std::move(item));
        item.clear();
        quote = 0;
      } else {
        item += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    }
  }
  return out;
}

// The value of `key` inside an inline table { version = "1", features = [...] }, or "".
std::string TomlInlineField(std::string_view table, std::string_view key) {
  size_t pos = 0;
  while ((pos = table.find(key, pos)) != std::string_view::npos) {
    const bool starts = pos == 0 || !IsNameChar(table[pos - 1]);
    size_t after = pos + key.size();
    while (after < table.size() && table[after] == ' ') ++after;
    if (starts && after < table.size() && table[after] == '=') {
      std::string_view rest = Trim(table.substr(after + 1));
      if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
        const size_t close = rest.find(rest.front(), 1);
        return TomlString(rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1));
      }
      return "";
    }
    pos = after;
  }
  return "";
}

// Calls visit(section, key, value) for every key = value of a TOML document; multi-line arrays
// and inline tables are joined into one value. `section` is the header without brackets or
// quotes ("dependencies", "target.cfg(unix).dependencies", "tool.poetry.dependencies").
template <typename Visit>
void EachTomlEntry(std::string_view content, Visit visit) {
  std::string section;
  std::string pending_key, pending_value;
  int depth = 0;
  for (std::string_view raw : Split(content, '\n')) {
    std::string_view line = raw;
    if (const size_t hash = TomlCommentStart(line); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (depth > 0) {
      pending_value += ' ';
      pending_value += line;
      depth += TomlDepth(line);
      if (depth <= 0) {
        depth = 0;
        visit(std::string_view(section), std::string_view(pending_key), std::string_view(pending_value));
      }
      continue;
    }
    if (line.empty()) continue;
    if (line.front() == '[') {
      std::string_view header = line;
      while (!header.empty() && (header.front() == '[' || header.back() == ']')) {
        if (header.front() == '[') header.remove_prefix(1);
        if (!header.empty() && header.back() == ']') header.remove_suffix(1);
      }
      section.clear();
      for (char c : Trim(header)) {
        if (c != '"' && c != '\'' && c != ' ') section += c;
      }
      continue;
    }
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key;
    for (char c : Trim(line.substr(0, eq))) {
      if (c != '"' && c != '\'' && c != ' ') key += c;
    }
    const std::string_view value = Trim(line.substr(eq + 1));
    depth = TomlDepth(value);
    if (depth > 0) {
      pending_key = key;
      pending_value.assign(value);
      continue;
    }
    depth = 0;
    visit(std::string_view(section), std::string_view(key), value);
  }
}

bool EndsWithDependencies(std::string_view section) {
  return section == "dependencies" || section.ends_with(".dependencies") || section.ends_with("-dependencies");
}

Result<std::vector<Dependency>> ParseCargoToml(std::string_view content) {
  DependencyList list;
  EachTomlEntry(content, [&](std::string_view section, std::string_view key, std::string_view value) {
    if ((section == "package" || section == "workspace.package") && key == "rust-version") {
      list.AddToolchain("rust", TomlString(value));
      return;
    }
    // [dependencies.serde] version = "1"
    for (std::string_view table : {"dependencies.", "dev-dependencies.", "build-dependencies.",
                                   "workspace.dependencies."}) {
      if (section.starts_with(table) && key == "version") {
        list.Add(section.substr(table.size()), TomlString(value));
        return;
      }
    }
    if (!EndsWithDependencies(section)) return;
    std::string name(key);
    std::string spec;
    if (const size_t dot = name.find('.'); dot != std::string::npos) {  // serde.version = "1"
      if (name.substr(dot + 1) != "version") return;
      name.resize(dot);
      spec = TomlString(value);
    } else if (!value.empty() && value.front() == '{') {
      spec = TomlInlineField(value, "version");
      if (std::string renamed = TomlInlineField(value, "package"); !renamed.empty()) name = renamed;
    } else {
      spec = TomlString(value);
    }
    list.Add(name, spec);
  });
  return list.Take();
}

// "django[bcrypt]>=4.2,<5 ; python_version >= '3.8'" -> {"django", ">=4.2,<5"}; URL requirements
// ("pkg @ https://…") keep no version.
bool ParsePep508(std::string_view text, Dependency& out) {
  text = Trim(text);
  size_t i = 0;
  while (i < text.size() && IsNameChar(text[i])) ++i;
  if (i == 0) return false;
  out.name = ToLowerAscii(text.substr(0, i));
  std::replace(out.name.begin(), out.name.end(), '_', '-');
  std::string_view rest = text.substr(i);
  if (const size_t semi = rest.find(';'); semi != std::string_view::npos) rest = rest.substr(0, semi);
  rest = Trim(rest);
  if (!rest.empty() && rest.front() == '[') {
    const size_t close = rest.find(']');
    rest = close == std::string_view::npos ? std::string_view() : Trim(rest.substr(close + 1));
  }
  if (!rest.empty() && rest.front() == '@') rest = {};
  if (!rest.empty() && rest.front() == '(' && rest.back() == ')') rest = rest.substr(1, rest.size() - 2);
  out.spec.assign(Trim(rest));
  return true;
}

Result<std::vector<Dependency>> ParsePyprojectToml(std::string_view content) {
  DependencyList list;
  EachTomlEntry(content, [&](std::string_view section, std::string_view key, std::string_view value) {
    if (section == "project" && key == "requires-python") {
      list.AddToolchain("python", TomlString(value));
    } else if ((section == "project" && key == "dependencies") || section == "project.optional-dependencies") {
      for (const std::string& item : TomlStringArray(value)) {
        Dependency d;
        if (ParsePep508(item, d)) list.Add(d.name, d.spec);
      }
    } else if (section.starts_with("tool.poetry.") && EndsWithDependencies(section)) {
      std::string name = ToLowerAscii(key);
      std::replace(name.begin(), name.end(), '_', '-');
      list.Add(name, !value.empty() && value.front() == '{' ? TomlInlineField(value, "version") : TomlString(value),
               /*toolchain=*/name == "python");
    }
  });
  return list.Take();
}

Result<std::vector<Dependency>> ParseRequirements(std::string_view content) {
  DependencyList list;
  for (std::string_view line : Split(content, '\n')) {
    if (const size_t hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    // Options (-r other.txt, -e ., --index-url), comments, URLs and VCS requirements name no version.
    if (line.empty() || line.front() == '#' || line.front() == '-' || line.find("://") != std::string_view::npos) {
      continue;
    }
    Dependency d;
    if (ParsePep508(line, d)) list.Add(d.name, d.spec);
  }
  return list.Take();
}

// ---- go.mod ------------------------------------------------------------------------------------

Result<std::vector<Dependency>> ParseGoMod(std::string_view content) {
  DependencyList list;
  bool in_require = false;
  for (std::string_view line : Split(content, '\n')) {
    if (const size_t c = line.find("//"); c != std::string_view::npos) line = line.substr(0, c);
    line = Trim(line);
    if (line.empty()) continue;
    if (in_require) {
      if (line == ")") {
        in_require = false;
        continue;
      }
    } else if (line.starts_with("go ")) {
      list.AddToolchain("go", line.substr(3));
      continue;
    } else if (line == "require (" || line == "require(") {
      in_require = true;
      continue;
    } else if (line.starts_with("require ")) {
      line = Trim(line.substr(8));
    } else {
      continue;
    }
    const size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) continue;
    list.Add(line.substr(0, space), line.substr(space + 1));
  }
  return list.Take();
}

// ---- pom.xml -----------------------------------------------------------------------------------

// The text of the first <tag>…</tag> in `xml`, or "".
std::string_view XmlChild(std::string_view xml, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const size_t a = xml.find(open);
  if (a == std::string_view::npos) return {};
  const size_t b = xml.find(close, a + open.size());
  if (b == std::string_view::npos) return {};
  return Trim(xml.substr(a + open.size(), b - a - open.size()));
}

// Removes <!-- comments -->, so commented-out dependencies are not read.
std::string XmlWithoutComments(std::string_view xml) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t a = xml.find("<!--", pos);
    if (a == std::string_view::npos) break;
    out.append(xml.substr(pos, a - pos));
    const size_t b = xml.find("-->", a + 4);
    if (b == std::string_view::npos) return out;
    pos = b + 3;
  }
  out.append(xml.substr(pos));
  return out;
}

Result<std::vector<Dependency>> ParsePomXml(std::string_view content) {
  const std::string xml = XmlWithoutComments(content);
  if (xml.find("<project") == std::string::npos) return InvalidInput("pom.xml has no <project> element");
  // <properties><spring.version>6.1.0</spring.version>…: the values ${…} refers to.
  std::map<std::string, std::string, std::less<>> properties;
  const std::string_view props = XmlChild(xml, "properties");
  for (size_t pos = 0; (pos = props.find('<', pos)) != std::string_view::npos;) {
    const size_t end = props.find('>', pos);
    if (end == std::string_view::npos) break;
    const std::string_view tag = props.substr(pos + 1, end - pos - 1);
    if (tag.empty() || tag.front() == '/' || tag.back() == '/') {
      pos = end + 1;
      continue;
    }
    const size_t close = props.find("</" + std::string(tag) + ">", end);
    if (close == std::string_view::npos) break;
    properties[std::string(tag)] = std::string(Trim(props.substr(end + 1, close - end - 1)));
    pos = close + tag.size() + 3;
  }
  const auto resolve = [&](std::string_view v) -> std::string {
    if (v.starts_with("${") && v.ends_with("}")) {
      auto it = properties.find(v.substr(2, v.size() - 3));
      return it == properties.end() ? "" : it->second;
    }
    return std::string(v);
  };
  DependencyList list;
  for (const char* key : {"maven.compiler.release", "java.version", "maven.compiler.source", "maven.compiler.target"}) {
    if (auto it = properties.find(key); it != properties.end()) {
      list.AddToolchain("java", it->second);
      break;
    }
  }
  for (std::string_view element : {"parent", "dependency", "plugin"}) {
    const std::string open = "<" + std::string(element) + ">";
    const std::string close = "</" + std::string(element) + ">";
    for (size_t pos = 0; (pos = xml.find(open, pos)) != std::string::npos;) {
      const size_t end = xml.find(close, pos);
      if (end == std::string::npos) break;
      const std::string_view block = std::string_view(xml).substr(pos + open.size(), end - pos - open.size());
      pos = end + close.size();
      const std::string_view group = XmlChild(block, "groupId");
      const std::string_view artifact = XmlChild(block, "artifactId");
      if (artifact.empty()) continue;
      // A plugin without groupId is org.apache.maven.plugins'.
      const std::string name =
          (group.empty() ? std::string(element == "plugin" ? "org.apache.maven.plugins" : "") : std::string(group)) +
          ":" + std::string(artifact);
      list.Add(name, resolve(XmlChild(block, "version")));
    }
  }
  return list.Take();
}

// ---- build.gradle / build.gradle.kts -----------------------------------------------------------

// Every string literal of a Groovy or Kotlin script, with its offset.
std::vector<std::pair<size_t, std::string_view>> ScriptStrings(std::string_view text) {
  std::vector<std::pair<size_t, std::string_view>> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '/') {  // line comment
      const size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos) break;
      i = nl;
      continue;
    }
    if (text[i] != '"' && text[i] != '\'') continue;
    const char q = text[i];
    const size_t close = text.find(q, i + 1);
    const size_t nl = text.find('\n', i + 1);
    if (close == std::string_view::npos || close > nl) continue;
    out.emplace_back(i, text.substr(i + 1, close - i - 1));
    i = close;
  }
  return out;
}

// A number run at `pos` of text ("17" in "VERSION_17", "of(17)"), or "".
std::string_view DigitsAfter(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.' || text[end] == '_')) ++end;
  return text.substr(pos, end - pos);
}

Result<std::vector<Dependency>> ParseBuildGradle(std::string_view content) {
  DependencyList list;
  // Java level: JavaLanguageVersion.of(17), jvmToolchain(17), JavaVersion.VERSION_17,
  // sourceCompatibility = '17'.
  for (std::string_view marker : {"JavaLanguageVersion.of(", "jvmToolchain(", "JavaVersion.VERSION_"}) {
    if (const size_t at = content.find(marker); at != std::string_view::npos) {
      std::string level(DigitsAfter(content, at + marker.size()));
      std::replace(level.begin(), level.end(), '_', '.');
      if (!level.empty()) {
        list.AddToolchain("java", level);
        break;
      }
    }
  }
  const auto strings = ScriptStrings(content);
  for (size_t k = 0; k < strings.size(); ++k) {
    const auto [at, s] = strings[k];
    // sourceCompatibility = '17'
    const std::string_view before = Trim(content.substr(at >= 40 ? at - 40 : 0, at >= 40 ? 40 : at));
    if (before.ends_with("sourceCompatibility =") || before.ends_with("sourceCompatibility=")) {
      list.AddToolchain("java", s);
      continue;
    }
    // id 'org.springframework.boot' version '3.2.0'; kotlin("jvm") version "1.9.22"
    if (k + 1 < strings.size()) {
      const size_t end = at + s.size() + 2;
      const std::string_view between = content.substr(end, strings[k + 1].first - end);
      const std::string_view trimmed = Trim(between);
      if (trimmed == "version" || trimmed == ") version") {
        const std::string_view head = content.substr(at >= 8 ? at - 8 : 0, at >= 8 ? 8 : at);
        std::string name(s);
        if (head.ends_with("kotlin(")) name = "org.jetbrains.kotlin." + name;
        list.Add(name, strings[k + 1].second);
        ++k;
        continue;
      }
    }
    // "group:artifact:version" (classifiers "g:a:v:c" keep the version part)
    const std::vector<std::string_view> parts = Split(s, ':');
    if (parts.size() >= 3 && parts.size() <= 4 && !parts[0].empty() && !parts[1].empty() && !parts[2].empty() &&
        std::all_of(parts[0].begin(), parts[0].end(), IsNameChar) &&
        std::all_of(parts[1].begin(), parts[1].end(), IsNameChar) && parts[2].find('$') == std::string_view::npos) {
      list.Add(std::string(parts[0]) + ":" + std::string(parts[1]), parts[2]);
    }
  }
  return list.Take();
}

// ---- Package.swift -----------------------------------------------------------------------------

Result<std::vector<Dependency>> ParsePackageSwift(std::string_view content) {
  DependencyList list;
  // The first line: "// swift-tools-version:5.9" (a space after the colon is allowed).
  const std::string_view first = content.substr(0, content.find('\n'));
  if (const size_t at = first.find("swift-tools-version:"); at != std::string_view::npos) {
    list.AddToolchain("swift", Trim(first.substr(at + 20)));
  }
  const auto strings = ScriptStrings(content);
  for (size_t k = 0; k < strings.size(); ++k) {
    const auto [at, url] = strings[k];
    const std::string_view head = content.substr(at >= 24 ? at - 24 : 0, at >= 24 ? 24 : at);
    if (!head.ends_with("url: ") && !head.ends_with("url:")) continue;
    if (head.find(".package(") == std::string_view::npos) continue;
    std::string_view name = url;
    while (name.ends_with("/")) name.remove_suffix(1);
    name = name.substr(name.find_last_of('/') + 1);
    if (name.ends_with(".git")) name.remove_suffix(4);
    // The requirement is the next string before the first ')' after the URL: from: "4.0.0",
    // exact: "1.2.3", "1.0.0"..<"2.0.0" and .upToNextMajor(from: "2.0.0") all put it there.
    const size_t call_end = content.find(')', at + url.size() + 2);
    std::string_view spec;
    if (k + 1 < strings.size() && strings[k + 1].first < call_end) spec = strings[k + 1].second;
    list.Add(name, spec);
  }
  return list.Take();
}

}  // namespace

Result<std::vector<Dependency>> ParseManifest(model::ManifestKind kind, std::string_view content) {
  if (Trim(content).empty()) return std::vector<Dependency>{};
  switch (kind) {
    case model::ManifestKind::kPackageJson: return ParsePackageJson(content);
    case model::ManifestKind::kCargoToml: return ParseCargoToml(content);
    case model::ManifestKind::kGoMod: return ParseGoMod(content);
    case model::ManifestKind::kPyprojectToml: return ParsePyprojectToml(content);
    case model::ManifestKind::kRequirementsTxt: return ParseRequirements(content);
    case model::ManifestKind::kPomXml: return ParsePomXml(content);
    case model::ManifestKind::kBuildGradle: return ParseBuildGradle(content);
    case model::ManifestKind::kPackageSwift: return ParsePackageSwift(content);
    case model::ManifestKind::kNone: break;
  }
  return InvalidInput("not a dependency manifest");
}

}  // namespace loupe::intelligence
