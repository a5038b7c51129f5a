#pragma once
// Drawing a document needs Qt's font database, which needs a QGuiApplication. A command-line
// tool creates one on the offscreen platform (no display is touched) for as long as it prints.

#include <QGuiApplication>
#include <memory>

namespace vigil::report {

class DocumentGui {
 public:
  DocumentGui();  // a QGuiApplication on "offscreen", unless one exists already
  ~DocumentGui();
  DocumentGui(const DocumentGui&) = delete;
  DocumentGui& operator=(const DocumentGui&) = delete;

 private:
  int argc_ = 1;
  char name_[9] = "vigilctl";
  char* argv_[2] = {name_, nullptr};
  std::unique_ptr<QGuiApplication> app_;
};

}  // namespace vigil::report
