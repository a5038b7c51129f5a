#pragma once
// A fresh 0700 folder under /tmp for a test or benchmark (also a good XDG_RUNTIME_DIR), removed
// with everything in it at the end unless keep() was called (even after a test made it
// read-only, as the archive tests do).

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace vigil::test {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "vigil-test") {
    std::string templ = "/tmp/" + prefix + "-XXXXXX";
    if (::mkdtemp(templ.data()) != nullptr) path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    if (keep_ || path_.empty()) return;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return path_ + "/" + name; }
  std::filesystem::path operator/(const std::string& name) const {
    return std::filesystem::path(path_) / name;
  }
  const std::string& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  std::string path_;
  bool keep_ = false;
};

}  // namespace vigil::test
