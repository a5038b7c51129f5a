#pragma once
// The session report's parts beside the panel, read on the store's connection.

#include <SQLiteCpp/Database.h>

#include "vigil/db/session_report.hpp"

namespace vigil::db::detail {

void read_report_header(SQLite::Database& db, SessionReport& r);
void read_report_phases(SQLite::Database& db, SessionReport& r);
void read_report_bps(SQLite::Database& db, SessionReport& r);
void read_report_alarms(SQLite::Database& db, SessionReport& r);
void read_report_scales(SQLite::Database& db, SessionReport& r);
void read_report_devices(SQLite::Database& db, SessionReport& r);
VitalsRange read_vitals_range(SQLite::Database& db, RowId session_id, core::Channel channel);

}  // namespace vigil::db::detail
