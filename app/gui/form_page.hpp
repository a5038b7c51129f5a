#pragma once
// A clinical form page: Enter submits, Escape asks to go back (the clinical panel shows the
// page it came from). Fields and buttons keep the tab order they are created in.

#include <QKeyEvent>
#include <QWidget>
#include <functional>

namespace vigil::gui {

class FormPage : public QWidget {
  Q_OBJECT
 public:
  explicit FormPage(QWidget* parent = nullptr);

  // What Enter does (the form's main button).
  virtual void submit() = 0;

 signals:
  void closeRequested();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
};

// Enter in `field` runs `action` instead of submitting the page (a search field, a field with
// its own button).
void onReturn(QWidget* field, std::function<void()> action);

}  // namespace vigil::gui
