#pragma once
// Writing an export (vitals CSV, the audit log) to the file named by --out: a regular file is
// written beside the target, owner-only (0600, like the database: an export holds a patient's
// record), and renamed over it only when complete, so a refused or failed export leaves an
// existing file as it was; a device or pipe (/dev/stdout, a FIFO) is written directly and never
// replaced by a file; a directory, or the database itself, is refused.

#include <functional>
#include <ostream>
#include <string>

namespace vigil::cli {

// Throws std::runtime_error naming --out ("--out: DIR is a directory", "--out: cannot write F",
// "--out: must not be the --db file F"); rethrows what `write` throws, after removing the
// partial file.
void write_export_file(const std::string& out, const std::string& db_file,
                       const std::function<void(std::ostream&)>& write);

}  // namespace vigil::cli
