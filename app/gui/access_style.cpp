#include "access_style.hpp"

#include "colours.hpp"

namespace vigil::gui::access_style {
namespace {

void setPoints(QWidget* w, int points, bool bold) {
  QFont f = w->font();
  f.setPointSize(points);
  f.setBold(bold);
  w->setFont(f);
}

}  // namespace

void paintPanel(QWidget* w) {
  w->setAutoFillBackground(true);
  QPalette pal = w->palette();
  pal.setColor(QPalette::Window, colours::panel());
  pal.setColor(QPalette::WindowText, QColor(235, 235, 235));
  w->setPalette(pal);
}

QLabel* title(const QString& text, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  setPoints(l, 20, true);
  l->setWordWrap(true);
  return l;
}

QLabel* hint(const QString& text, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  setPoints(l, 12, false);
  l->setWordWrap(true);
  QPalette pal = l->palette();
  pal.setColor(QPalette::WindowText, colours::dimText());
  l->setPalette(pal);
  return l;
}

QLabel* label(const QString& text, QWidget* buddy, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  setPoints(l, 14, false);
  l->setBuddy(buddy);
  return l;
}

void field(QLineEdit* e) {
  setPoints(e, 15, false);
  e->setMinimumHeight(kTouchHeight);
}

void button(QPushButton* b, bool primary) {
  setPoints(b, 14, primary);
  b->setMinimumHeight(kTouchHeight);
  b->setMinimumWidth(120);
  b->setAutoDefault(true);
}

void message(QLabel* l) {
  setPoints(l, 14, true);
  l->setWordWrap(true);
  l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QPalette pal = l->palette();
  pal.setColor(QPalette::WindowText, colours::technical());
  l->setPalette(pal);
}

}  // namespace vigil::gui::access_style
