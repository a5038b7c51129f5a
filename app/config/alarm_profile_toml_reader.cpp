// Reading an alarm profile file: structure first (every key present, of the right type, no
// unknown key, known names), then the core validator for the values.
#include <toml++/toml.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <map>
#include <memory>

#include "alarm_profile_toml.hpp"

namespace vigil::config {
namespace {

using core::ProfileProblem;

std::string_view type_name(toml::node_type t) {
  switch (t) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

template <typename Names>
std::string join(const Names& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::vector<std::string_view> channel_names() {
  std::vector<std::string_view> v;
  for (const auto& info : core::all_channels()) v.push_back(info.name);
  return v;
}

std::vector<std::string_view> technical_names() {
  std::vector<std::string_view> v;
  for (std::size_t i = 0; i < core::technical_condition_count; ++i) {
    v.push_back(core::technical_condition_name(static_cast<core::TechnicalCondition>(i)));
  }
  return v;
}

constexpr std::string_view kPriorities = "low, medium, high";
constexpr std::string_view kComparisons = "below, at_or_below, above, at_or_above";

// Seconds beyond this are certainly a mistake and would overflow the millisecond count.
constexpr double kMaxSecondsInFile = 1e9;

class ProfileReader {
 public:
  core::AlarmProfile read(const toml::table& root) {
    core::AlarmProfile p;
    reject_unknown(root, "",
                   {"audio_pause_s", "latching", "alarm_off_reminder_min", "silence_limit_s",
                    "hysteresis", "nibp_rise", "technical", "limit"});
    if (auto v = integer(root, "", "audio_pause_s")) p.audio_pause = std::chrono::seconds(*v);
    if (auto v = boolean(root, "", "latching")) p.latching = *v;
    if (auto v = integer(root, "", "alarm_off_reminder_min")) {
      p.alarm_off_reminder = std::chrono::minutes(*v);
    }
    if (auto v = integer(root, "", "silence_limit_s")) p.silence_limit = std::chrono::seconds(*v);
    if (auto* t = table(root, "", "hysteresis")) read_hysteresis(*t, p);
    if (auto* t = table(root, "", "nibp_rise")) read_nibp_rise(*t, p.nibp_rise);
    if (auto* t = table(root, "", "technical")) read_technical(*t, p);
    read_limits(root, p);
    return p;
  }

  std::vector<ProfileProblem>& problems() { return problems_; }

  // Appends "(line N)" to problems whose key was seen in the file.
  void locate(std::vector<ProfileProblem>& problems) const {
    for (auto& pr : problems) {
      if (auto it = lines_.find(pr.key); it != lines_.end()) {
        pr.rule += " (line " + std::to_string(it->second) + ")";
      }
    }
  }

 private:
  static std::string join_key(std::string_view prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : std::string(prefix) + "." + std::string(key);
  }

  void problem(std::string key, std::string rule) {
    problems_.push_back({std::move(key), std::move(rule)});
  }

  void reject_unknown(const toml::table& t, std::string_view prefix,
                      std::initializer_list<std::string_view> known) {
    for (auto&& [k, v] : t) {
      const std::string key = join_key(prefix, k.str());
      lines_[key] = v.source().begin.line;
      bool found = false;
      for (auto name : known) found |= name == k.str();
      if (!found) {
        problem(key,
                "unknown key `" + key + "` (line " + std::to_string(v.source().begin.line) +
                    "): typos must not silently disable an alarm; valid keys here: " + join(known));
      }
    }
  }

  const toml::node* require(const toml::table& t, std::string_view prefix, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) {
      problem(join_key(prefix, key), "missing key `" + join_key(prefix, key) +
                                         "`: a profile file must be complete (start from "
                                         "`vigilctl profile show`)");
    }
    return n;
  }

  void wrong_type(const toml::node& n, std::string_view prefix, std::string_view key,
                  std::string_view expected) {
    problem(join_key(prefix, key), "wrong type for `" + join_key(prefix, key) + "`: expected " +
                                       std::string(expected) + ", got " +
                                       std::string(type_name(n.type())));
  }

  std::optional<std::int64_t> integer(const toml::table& t, std::string_view prefix,
                                      std::string_view key) {
    const toml::node* n = require(t, prefix, key);
    if (!n) return std::nullopt;
    if (auto v = n->value_exact<std::int64_t>()) return v;
    wrong_type(*n, prefix, key, "an integer");
    return std::nullopt;
  }

  std::optional<double> number(const toml::table& t, std::string_view prefix,
                               std::string_view key) {
    const toml::node* n = require(t, prefix, key);
    if (!n) return std::nullopt;
    if (auto v = n->as_integer()) return static_cast<double>(v->get());
    if (auto v = n->as_floating_point()) return v->get();
    wrong_type(*n, prefix, key, "a number");
    return std::nullopt;
  }

  std::optional<bool> boolean(const toml::table& t, std::string_view prefix, std::string_view key) {
    const toml::node* n = require(t, prefix, key);
    if (!n) return std::nullopt;
    if (auto v = n->value_exact<bool>()) return v;
    wrong_type(*n, prefix, key, "a boolean (true or false)");
    return std::nullopt;
  }

  std::optional<std::string> string(const toml::table& t, std::string_view prefix,
                                    std::string_view key) {
    const toml::node* n = require(t, prefix, key);
    if (!n) return std::nullopt;
    if (auto v = n->value_exact<std::string>()) return v;
    wrong_type(*n, prefix, key, "a string");
    return std::nullopt;
  }

  const toml::table* table(const toml::table& t, std::string_view prefix, std::string_view key) {
    const toml::node* n = require(t, prefix, key);
    if (!n) return nullptr;
    if (auto* tbl = n->as_table()) return tbl;
    wrong_type(*n, prefix, key, "a table ([" + join_key(prefix, key) + "])");
    return nullptr;
  }

  std::optional<std::chrono::milliseconds> delay(const toml::table& t, std::string_view prefix) {
    auto s = number(t, prefix, "delay_s");
    if (!s) return std::nullopt;
    if (!std::isfinite(*s) || std::abs(*s) > kMaxSecondsInFile) {
      problem(join_key(prefix, "delay_s"), "expected a finite number of seconds");
      return std::nullopt;
    }
    return std::chrono::milliseconds(std::llround(*s * 1000));
  }

  std::optional<core::AlarmPriority> priority(const toml::table& t, std::string_view prefix,
                                              std::string_view key) {
    auto s = string(t, prefix, key);
    if (!s) return std::nullopt;
    if (auto p = core::alarm_priority_from_name(*s)) return p;
    problem(join_key(prefix, key), "unknown priority `" + *s + "` for `" + join_key(prefix, key) +
                                       "`; valid priorities: " + std::string(kPriorities));
    return std::nullopt;
  }

  void read_hysteresis(const toml::table& t, core::AlarmProfile& p) {
    for (auto&& [k, v] : t) {
      const std::string key = "hysteresis." + std::string(k.str());
      lines_[key] = v.source().begin.line;
      if (!core::channel_from_name(k.str())) {
        problem(key, "unknown channel `" + std::string(k.str()) + "` in `" + key +
                         "`: typos must not silently disable an alarm; valid channels: " +
                         join(channel_names()));
      }
    }
    for (const auto& info : core::all_channels()) {
      if (auto h = number(t, "hysteresis", info.name)) {
        p.hysteresis[static_cast<std::size_t>(info.channel)] = *h;
      }
    }
  }

  void read_nibp_rise(const toml::table& t, core::NibpRiseRule& r) {
    reject_unknown(t, "nibp_rise", {"enabled", "systolic", "diastolic", "priority"});
    if (auto v = boolean(t, "nibp_rise", "enabled")) r.enabled = *v;
    if (auto v = number(t, "nibp_rise", "systolic")) r.systolic_rise = *v;
    if (auto v = number(t, "nibp_rise", "diastolic")) r.diastolic_rise = *v;
    if (auto v = priority(t, "nibp_rise", "priority")) r.priority = *v;
  }

  void read_technical(const toml::table& t, core::AlarmProfile& p) {
    for (auto&& [k, v] : t) {
      const std::string key = "technical." + std::string(k.str());
      lines_[key] = v.source().begin.line;
      if (!core::technical_condition_from_name(k.str())) {
        problem(key, "unknown technical condition `" + std::string(k.str()) + "` in `" + key +
                         "`; valid conditions: " + join(technical_names()));
      }
    }
    for (std::size_t i = 0; i < core::technical_condition_count; ++i) {
      const auto condition = static_cast<core::TechnicalCondition>(i);
      const std::string_view name = core::technical_condition_name(condition);
      const std::string prefix = "technical." + std::string(name);
      const toml::table* rule_table = table(t, "technical", name);
      if (!rule_table) continue;
      core::TechnicalRule& rule = p.technical[i];
      rule.condition = condition;
      reject_unknown(*rule_table, prefix,
                     {"priority_monitored", "priority_other", "delay_s", "enabled"});
      if (auto v = priority(*rule_table, prefix, "priority_monitored")) {
        rule.priority_monitored = *v;
      }
      if (auto v = priority(*rule_table, prefix, "priority_other")) rule.priority_other = *v;
      if (auto v = delay(*rule_table, prefix)) rule.delay = *v;
      if (auto v = boolean(*rule_table, prefix, "enabled")) rule.enabled = *v;
    }
  }

  void read_limits(const toml::table& root, core::AlarmProfile& p) {
    const toml::node* n = require(root, "", "limit");
    if (!n) return;
    const toml::array* limits = n->as_array();
    if (!limits) {
      wrong_type(*n, "", "limit", "an array of tables ([[limit]])");
      return;
    }
    for (std::size_t i = 0; i < limits->size(); ++i) {
      const std::string prefix = "limit[" + std::to_string(i + 1) + "]";
      const toml::table* t = (*limits)[i].as_table();
      if (!t) {
        wrong_type((*limits)[i], "", prefix, "a table ([[limit]])");
        continue;
      }
      lines_[prefix] = t->source().begin.line;
      reject_unknown(*t, prefix, {"channel", "comparison", "threshold", "priority", "delay_s"});
      core::LimitTier tier;
      if (auto s = string(*t, prefix, "channel")) {
        if (auto c = core::channel_from_name(*s)) {
          tier.channel = *c;
        } else {
          problem(prefix + ".channel", "unknown channel `" + *s + "` for `" + prefix +
                                           ".channel`; valid channels: " + join(channel_names()));
        }
      }
      if (auto s = string(*t, prefix, "comparison")) {
        if (auto c = core::limit_comparison_from_name(*s)) {
          tier.comparison = *c;
        } else {
          problem(prefix + ".comparison",
                  "unknown comparison `" + *s + "` for `" + prefix +
                      ".comparison`; valid comparisons: " + std::string(kComparisons));
        }
      }
      if (auto v = number(*t, prefix, "threshold")) tier.threshold = *v;
      if (auto v = priority(*t, prefix, "priority")) tier.priority = *v;
      if (auto v = delay(*t, prefix)) tier.delay = *v;
      p.limits.push_back(tier);
    }
  }

  std::vector<ProfileProblem> problems_;
  std::map<std::string, std::uint32_t> lines_;
};

}  // namespace

ProfileLoadResult load_alarm_profile_from_string(std::string_view text,
                                                 std::string_view source_name) {
  ProfileLoadResult result;
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    result.problems.push_back(
        {std::string(source_name) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column),
         "TOML parse error: " + std::string(e.description())});
    return result;
  }
  ProfileReader reader;
  core::AlarmProfile profile = reader.read(root);
  result.problems = std::move(reader.problems());
  if (!result.problems.empty()) return result;  // validating half-read values would mislead
  result.problems = core::validate_alarm_profile(profile);
  reader.locate(result.problems);
  if (result.problems.empty()) result.profile = std::move(profile);
  return result;
}

ProfileLoadResult load_alarm_profile(const std::filesystem::path& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  std::string text;
  if (file) {
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  }
  if (!file || std::ferror(file.get())) {
    ProfileLoadResult result;
    result.read_error = std::strerror(errno);
    result.problems.push_back({path.string(), "cannot read: " + *result.read_error});
    return result;
  }
  return load_alarm_profile_from_string(text, path.string());
}

}  // namespace vigil::config
