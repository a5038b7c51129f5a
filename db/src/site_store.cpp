#include "vigil/db/site_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "audit_write.hpp"
#include "field_checks.hpp"

namespace vigil::db {

void set_site_setting(Store& store, const Actor& admin, const std::string& key,
                      const std::string& value, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, admin, Action::change_site_settings, now, [&] {
    require_text("key", key);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db, "SELECT id FROM site_settings WHERE key = ?");
    find.bind(1, key);
    if (find.executeStep()) {
      const RowId id = find.getColumn(0).getInt64();
      auto before = snapshot_before(db, "site_settings", id);
      SQLite::Statement up(db, "UPDATE site_settings SET value = ? WHERE id = ?");
      up.bind(1, value);
      up.bind(2, id);
      up.exec();
      audit_row_change(db, admin, "change_site_setting", "site_settings", id, std::move(before),
                       now);
    } else {
      SQLite::Statement ins(db, "INSERT INTO site_settings (key, value) VALUES (?,?)");
      ins.bind(1, key);
      ins.bind(2, value);
      ins.exec();
      audit_row_change(db, admin, "change_site_setting", "site_settings", db.getLastInsertRowid(),
                       std::nullopt, now);
    }
    tx.commit();
  });
}

std::optional<std::string> site_setting(Store& store, const std::string& key) {
  SQLite::Database& db = raw_connection(store);
  SQLite::Statement q(db, "SELECT value FROM site_settings WHERE key = ?");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::vector<std::pair<std::string, std::string>> site_settings_with_prefix(
    Store& store, std::string_view prefix) {
  SQLite::Database& db = raw_connection(store);
  SQLite::Statement q(db,
                      "SELECT key, value FROM site_settings WHERE substr(key, 1, ?) = ? "
                      "ORDER BY key");
  q.bind(1, static_cast<int>(prefix.size()));
  q.bind(2, std::string(prefix));
  std::vector<std::pair<std::string, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

RowId record_device_connected(Store& store, const Actor& actor, const NewDeviceConnection& c,
                              UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  return permitted_call(db, actor, Action::record_device_connection, now, [&] {
    require_text("family", c.family);
    require_text("port", c.port);
    SQLite::Statement ins(db,
                          "INSERT INTO device_connections (session_id, family, port, identity, "
                          "connected_utc_ms) VALUES (?,?,?,?,?)");
    if (c.session_id) ins.bind(1, *c.session_id);
    ins.bind(2, c.family);
    ins.bind(3, c.port);
    ins.bind(4, c.identity);
    ins.bind(5, c.connected_utc_ms);
    ins.exec();
    return db.getLastInsertRowid();
  });
}

void record_device_disconnected(Store& store, const Actor& actor, RowId connection_id,
                                UtcMs disconnected_utc_ms, UtcMs now) {
  SQLite::Database& db = raw_connection(store);
  permitted_call(db, actor, Action::record_device_connection, now, [&] {
    SQLite::Statement up(db, "UPDATE device_connections SET disconnected_utc_ms = ? WHERE id = ?");
    up.bind(1, disconnected_utc_ms);
    up.bind(2, connection_id);
    if (up.exec() == 0) {
      throw NotFound("device_connections id " + std::to_string(connection_id) + ": no such record");
    }
  });
}

}  // namespace vigil::db
