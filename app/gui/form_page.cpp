#include "form_page.hpp"

#include "form_style.hpp"

namespace vigil::gui {
namespace {

class ReturnFilter : public QObject {
 public:
  ReturnFilter(QObject* parent, std::function<void()> action)
      : QObject(parent), action_(std::move(action)) {}

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::KeyPress) {
      const int key = static_cast<QKeyEvent*>(event)->key();
      if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        action_();
        return true;
      }
    }
    return QObject::eventFilter(watched, event);
  }

 private:
  std::function<void()> action_;
};

}  // namespace

void onReturn(QWidget* field, std::function<void()> action) {
  field->installEventFilter(new ReturnFilter(field, std::move(action)));
}

FormPage::FormPage(QWidget* parent) : QWidget(parent) { form_style::apply(this); }

void FormPage::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Escape:
      emit closeRequested();
      return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
      submit();
      return;
    default:
      QWidget::keyPressEvent(event);
  }
}

}  // namespace vigil::gui
