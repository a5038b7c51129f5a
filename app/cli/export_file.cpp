#include "export_file.hpp"

#include "cli_checks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace vigil::cli {

void write_export_file(const std::string& out, const std::string& db_file,
                       const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (same_file(out, db_file))
    throw std::runtime_error("--out: must not be the --db file " + db_file);
  const auto kind = fs::status(out, ec).type();
  if (kind == fs::file_type::directory)
    throw std::runtime_error("--out: " + out + " is a directory");
  const bool file = kind == fs::file_type::not_found || kind == fs::file_type::regular;
  const std::string written = file ? out + ".partial-" + std::to_string(::getpid()) : out;
  if (file) {
    const int fd = ::open(written.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  std::ofstream stream(written, std::ios::binary | std::ios::trunc);
  if (!stream) throw std::runtime_error("--out: cannot write " + out);
  try {
    write(stream);
    stream.close();
    if (!stream) throw std::runtime_error("--out: cannot write " + out);
    if (file) fs::rename(written, out);
  } catch (...) {
    if (file) fs::remove(written, ec);
    throw;
  }
}

}  // namespace vigil::cli
