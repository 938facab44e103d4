#include "expo/text_to_openmetrics.h"

#include <set>

namespace promsynth {
namespace {

std::string_view NextLine(std::string_view& text) {
  const size_t end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  return line;
}

// Splits `# KEYWORD name rest` into name and rest.
void SplitDescriptor(std::string_view body, std::string_view& name, std::string_view& rest) {
  const size_t space = body.find(' ');
  name = body.substr(0, space);
  rest = space == std::string_view::npos ? std::string_view() : body.substr(space + 1);
}

// Where the labels of a sample line end (just after `}`), or where its name ends without labels.
size_t EndOfSeries(std::string_view line) {
  size_t i = line.find_first_of("{ ");
  if (i == std::string_view::npos || line[i] == ' ') return i;
  bool quoted = false;
  for (++i; i < line.size(); ++i) {
    if (quoted && line[i] == '\\') {
      ++i;
    } else if (line[i] == '"') {
      quoted = !quoted;
    } else if (!quoted && line[i] == '}') {
      return i + 1;
    }
  }
  return line.size();
}

}  // namespace

void AppendTextAsOpenMetrics(std::string& out, std::string_view text) {
  std::set<std::string_view> counters;
  for (std::string_view rest = text; !rest.empty();) {
    const std::string_view line = NextLine(rest);
    if (!line.starts_with("# TYPE ")) continue;
    std::string_view name, type;
    SplitDescriptor(line.substr(7), name, type);
    if (type == "counter") counters.insert(name);
  }
  auto base_of = [&](std::string_view name) {
    if (counters.count(name) != 0 && name.ends_with("_total")) name.remove_suffix(6);
    return name;
  };

  while (!text.empty()) {
    const std::string_view line = NextLine(text);
    if (line.empty()) continue;
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
      std::string_view name, rest;
      SplitDescriptor(line.substr(7), name, rest);
      out.append(line.substr(0, 7));
      out += base_of(name);
      out += ' ';
      if (line[2] == 'T') {
        out += rest == "untyped" ? "unknown" : rest;
      } else {
        // The text format escapes only backslash and newline in HELP; OpenMetrics also `"`.
        for (char c : rest) {
          if (c == '"') out += '\\';
          out += c;
        }
      }
      out += '\n';
      continue;
    }
    if (line.front() == '#') continue;
    const size_t series_end = EndOfSeries(line);
    const std::string_view series = line.substr(0, series_end);
    const std::string_view name = series.substr(0, series.find('{'));
    out += name;
    if (counters.count(name) != 0 && !name.ends_with("_total")) out += "_total";
    out += series.substr(name.size());
    std::string_view rest =
        series_end == std::string_view::npos ? std::string_view() : line.substr(series_end);
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    const size_t value_end = rest.find(' ');
    const std::string_view value = rest.substr(0, value_end);
    out += ' ';
    out += value == "Nan" ? "NaN" : value;
    // A timestamp (milliseconds in the text format) would need seconds here; none of our sources
    // writes one, so it is dropped rather than misread.
    out += '\n';
  }
}

}  // namespace promsynth
