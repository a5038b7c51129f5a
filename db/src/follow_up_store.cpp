#include "vigil/db/follow_up_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "audit_write.hpp"
#include "field_checks.hpp"
#include "session_state.hpp"

namespace vigil::db {
namespace {

constexpr UtcMs kHour = 3'600'000;
constexpr UtcMs kDay = 24 * kHour;

struct IntervalRule {
  FollowUpInterval interval;
  std::string_view name;
  std::string_view label;
  UtcMs after;   // from the session's end
  UtcMs window;  // due -> overdue
};

constexpr std::array<IntervalRule, 6> kRules{{
    {FollowUpInterval::h24, "24h", "24 hours", 24 * kHour, kDay},
    {FollowUpInterval::h72, "72h", "72 hours", 72 * kHour, kDay},
    {FollowUpInterval::week1, "1w", "1 week", 7 * kDay, 2 * kDay},
    {FollowUpInterval::week2, "2w", "2 weeks", 14 * kDay, 3 * kDay},
    {FollowUpInterval::month1, "1m", "1 month", 30 * kDay, 7 * kDay},
    {FollowUpInterval::month3, "3m", "3 months", 91 * kDay, 7 * kDay},
}};

const IntervalRule& rule(FollowUpInterval v) { return kRules[static_cast<std::size_t>(v)]; }

bool is_contact(const std::string& c) { return c == "phone" || c == "video" || c == "in_person"; }

std::vector<FollowUpScale> scales_from(const std::string& text) {
  std::vector<FollowUpScale> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& s : j) {
    FollowUpScale f;
    f.scale = s.value("scale", "") == "gad7" ? Scale::gad7 : Scale::phq9;
    f.items = s.value("items", std::vector<int>{});
    f.total = s.value("total", 0);
    out.push_back(std::move(f));
  }
  return out;
}

// The recorded follow-ups of a session, by interval name.
void fill_records(SQLite::Database& db, std::vector<FollowUpView>& schedule) {
  if (schedule.empty()) return;
  SQLite::Statement q(db,
                      "SELECT f.id, f.interval, f.t_utc_ms, u.name, f.contact, f.note, f.scales "
                      "FROM follow_ups f JOIN users u ON u.id = f.recorded_by WHERE "
                      "f.session_id = ?");
  q.bind(1, schedule.front().session_id);
  while (q.executeStep()) {
    const auto interval = follow_up_interval_from_name(q.getColumn(1).getString());
    if (!interval) continue;
    FollowUpView& v = schedule[static_cast<std::size_t>(*interval)];
    v.status = FollowUpStatus::done;
    v.record_id = q.getColumn(0).getInt64();
    v.done_utc_ms = q.getColumn(2).getInt64();
    v.done_by = q.getColumn(3).getString();
    v.contact = q.getColumn(4).getString();
    v.note = q.getColumn(5).getString();
    v.scales = scales_from(q.getColumn(6).getString());
  }
}

std::vector<FollowUpView> schedule_of(SQLite::Database& db, RowId session_id, UtcMs now) {
  SQLite::Statement q(db,
                      "SELECT ended_utc_ms FROM sessions WHERE id = ? AND type = 'dosing' AND "
                      "phase = 'closed' AND ended_utc_ms IS NOT NULL");
  q.bind(1, session_id);
  std::vector<FollowUpView> out;
  if (!q.executeStep()) return out;
  const UtcMs ended = q.getColumn(0).getInt64();
  for (const auto& r : kRules) {
    FollowUpView v;
    v.session_id = session_id;
    v.interval = r.interval;
    v.due_utc_ms = ended + r.after;
    v.overdue_utc_ms = v.due_utc_ms + r.window;
    v.status = now < v.due_utc_ms       ? FollowUpStatus::upcoming
               : now < v.overdue_utc_ms ? FollowUpStatus::due
                                        : FollowUpStatus::overdue;
    out.push_back(std::move(v));
  }
  fill_records(db, out);
  return out;
}

std::string scales_json(const std::vector<std::pair<Scale, std::vector<int>>>& scales) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < scales.size(); ++i) {
    const auto& [scale, items] = scales[i];
    const std::string field = "scales[" + std::to_string(i) + "]";
    if (scale != Scale::phq9 && scale != Scale::gad7) {
      throw ValidationError(field + ": follow-up outcome scales are phq9 and gad7 (got " +
                            std::string(scale_name(scale)) + ")");
    }
    int total = 0;
    try {
      total = validate_scale(scale, items);
    } catch (const ValidationError& e) {
      throw ValidationError(field + "." + e.what());
    }
    j.push_back({{"scale", scale_name(scale)}, {"items", items}, {"total", total}});
  }
  return j.dump();
}

}  // namespace

std::string_view follow_up_interval_name(FollowUpInterval v) { return rule(v).name; }
std::string_view follow_up_interval_label(FollowUpInterval v) { return rule(v).label; }

std::optional<FollowUpInterval> follow_up_interval_from_name(std::string_view name) {
  for (const auto& r : kRules) {
    if (r.name == name) return r.interval;
  }
  return std::nullopt;
}

const std::vector<FollowUpInterval>& follow_up_intervals() {
  static const std::vector<FollowUpInterval> all{
      FollowUpInterval::h24,   FollowUpInterval::h72,    FollowUpInterval::week1,
      FollowUpInterval::week2, FollowUpInterval::month1, FollowUpInterval::month3};
  return all;
}

std::string_view follow_up_status_name(FollowUpStatus v) {
  switch (v) {
    case FollowUpStatus::upcoming:
      return "upcoming";
    case FollowUpStatus::due:
      return "due";
    case FollowUpStatus::overdue:
      return "overdue";
    case FollowUpStatus::done:
      return "done";
  }
  return {};
}

std::vector<FollowUpView> read_follow_up_schedule(Store& store, const Actor& actor,
                                                  RowId session_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  load_session(db, session_id);
  return schedule_of(db, session_id, now);
}

std::vector<FollowUpView> read_overdue_follow_ups(Store& store, const Actor& actor,
                                                  RowId patient_id, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  require_permission(db, actor, Action::read_records, now);
  SQLite::Statement q(db,
                      "SELECT id FROM sessions WHERE patient_id = ? AND type = 'dosing' AND "
                      "phase = 'closed' ORDER BY id");
  q.bind(1, patient_id);
  std::vector<FollowUpView> overdue;
  while (q.executeStep()) {
    for (auto& v : schedule_of(db, q.getColumn(0).getInt64(), now)) {
      if (v.status == FollowUpStatus::overdue) overdue.push_back(std::move(v));
    }
  }
  std::sort(overdue.begin(), overdue.end(),
            [](const auto& a, const auto& b) { return a.due_utc_ms < b.due_utc_ms; });
  return overdue;
}

RowId record_follow_up(Store& store, const Actor& actor, const FollowUpEntry& e, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_observation, now, [&] {
    if (!is_contact(e.contact)) {
      throw ValidationError("contact: must be phone, video or in_person (got '" + e.contact + "')");
    }
    if (e.t_utc_ms > now) throw ValidationError("t_utc_ms: a follow-up is not recorded ahead");
    const std::string scales = scales_json(e.scales);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const SessionState s = load_session(db, e.session_id);
    if (s.type != core::SessionType::dosing || s.phase != core::SessionPhase::closed) {
      throw ValidationError("session_id: follow-ups are recorded for a closed dosing session");
    }
    const std::string interval(follow_up_interval_name(e.interval));
    SQLite::Statement dup(db, "SELECT 1 FROM follow_ups WHERE session_id = ? AND interval = ?");
    dup.bind(1, e.session_id);
    dup.bind(2, interval);
    if (dup.executeStep()) throw ValidationError("interval: " + interval + " is already recorded");
    SQLite::Statement ins(db,
                          "INSERT INTO follow_ups (session_id, interval, t_utc_ms, recorded_by, "
                          "contact, note, scales) VALUES (?,?,?,?,?,?,?)");
    ins.bind(1, e.session_id);
    ins.bind(2, interval);
    ins.bind(3, e.t_utc_ms);
    ins.bind(4, actor.id);
    ins.bind(5, e.contact);
    ins.bind(6, e.note);
    ins.bind(7, scales);
    ins.exec();
    const RowId id = db.getLastInsertRowid();
    audit_row_change(db, actor, "record_follow_up", "follow_ups", id, std::nullopt, now);
    tx.commit();
    return id;
  });
}

}  // namespace vigil::db
