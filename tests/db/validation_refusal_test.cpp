// A call the role may make but whose input or clinical rule refuses it throws ValidationError
// naming the field and the rule, writes nothing of the record, and leaves a `refused` audit
// entry (refused_by "validation", the reason) so an auditor sees every refused attempt: an
// over-bound dose, an impossible BP, a phase change whose criteria are unmet.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "db_test_support.hpp"
#include "vigil/db/administration_store.hpp"

namespace vigil::db {
namespace {

using test::StoreFixture;

struct Refusal {
  std::string message;  // the ValidationError's text
  std::int64_t actor_id = 0;
  std::string entity;
  nlohmann::json value;
};

// Runs `call`, which must throw ValidationError, and returns it with the newest audit entry,
// which must be the refusal appended by that call alone.
Refusal refused(StoreFixture& f, const std::function<void()>& call) {
  const auto before = f.audit_count();
  Refusal r;
  try {
    call();
    ADD_FAILURE() << "the call was accepted";
    return r;
  } catch (const ValidationError& e) {
    r.message = e.what();
  }
  EXPECT_EQ(f.audit_count(), before + 1) << r.message;
  SQLite::Statement q(f.db,
                      "SELECT action, actor_id, entity, new_value FROM audit_log "
                      "ORDER BY seq DESC LIMIT 1");
  EXPECT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "refused");
  r.actor_id = q.getColumn(1).getInt64();
  r.entity = q.getColumn(2).getString();
  r.value = nlohmann::json::parse(q.getColumn(3).getString());
  const auto v = verify_audit_chain(f.store);
  EXPECT_TRUE(v.ok) << v.problem;
  return r;
}

std::int64_t rows(StoreFixture& f, const char* table) {
  return f.db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

TEST(DbValidationRefusal, DoseOverItsBoundsIsRefusedAndAudited) {
  StoreFixture f;
  const RowId s = f.dosing_session();
  const auto given = rows(f, "administrations");
  // 70 mg for a 70 kg patient is 1.0 mg/kg IV, over the 0.75 mg/kg bound; no override.
  const auto r = refused(f, [&] {
    record_administration(f.store, f.nurse, test::iv_ketamine(s, 70, f.now), f.tick());
  });
  EXPECT_NE(r.message.find("dose refused"), std::string::npos) << r.message;
  EXPECT_EQ(rows(f, "administrations"), given);
  EXPECT_EQ(r.actor_id, f.nurse.id);
  EXPECT_EQ(r.entity, "record_administration");
  EXPECT_EQ(r.value["role"], "nurse");
  EXPECT_EQ(r.value["action"], "record_administration");
  EXPECT_EQ(r.value["refused_by"], "validation");
  EXPECT_EQ(r.value["reason"], r.message);
}

TEST(DbValidationRefusal, BadFieldIsRefusedNamingTheFieldAndAudited) {
  StoreFixture f;
  const RowId s = f.dosing_session();
  const auto observations = rows(f, "observations");
  const auto r = refused(f, [&] {
    record_bp(f.store, f.nurse, {s, f.now, 400, 80, std::nullopt, core::BpSource::manual},
              f.tick());
  });
  EXPECT_NE(r.message.find("systolic"), std::string::npos) << r.message;
  EXPECT_EQ(rows(f, "observations"), observations);
  EXPECT_EQ(r.entity, "record_observation");
  EXPECT_EQ(r.value["refused_by"], "validation");
}

TEST(DbValidationRefusal, UnmetPhaseRuleIsRefusedAndAudited) {
  StoreFixture f;
  const RowId s = f.planned_session();
  // planned -> dosing skips pre_dose: the transition rule refuses it.
  const auto r = refused(
      f, [&] { advance_session(f.store, f.nurse, s, core::SessionPhase::dosing, f.tick()); });
  EXPECT_NE(r.message.find("phase"), std::string::npos) << r.message;
  EXPECT_EQ(
      f.db.execAndGet("SELECT phase FROM sessions WHERE id = " + std::to_string(s)).getString(),
      "planned");
  EXPECT_EQ(r.entity, "advance_session");
  EXPECT_EQ(r.value["reason"], r.message);
}

TEST(DbValidationRefusal, RoleRefusalSaysItWasTheRole) {
  StoreFixture f;
  const RowId s = f.dosing_session();
  EXPECT_THROW(record_administration(f.store, f.auditor, test::iv_ketamine(s, 35, f.now), f.tick()),
               PermissionDenied);
  const auto j = nlohmann::json::parse(
      f.db.execAndGet("SELECT new_value FROM audit_log ORDER BY seq DESC LIMIT 1").getString());
  EXPECT_EQ(j["refused_by"], "role");
  EXPECT_EQ(j["reason"], "role auditor may not record_administration");
}

TEST(DbValidationRefusal, AcceptedCallLeavesNoRefusal) {
  StoreFixture f;
  const RowId s = f.dosing_session();
  record_administration(f.store, f.nurse, test::iv_ketamine(s, 35, f.now), f.tick());
  EXPECT_EQ(f.db.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'refused'").getInt(), 0);
  EXPECT_EQ(f.last_action(), "record_administration");
}

}  // namespace
}  // namespace vigil::db
