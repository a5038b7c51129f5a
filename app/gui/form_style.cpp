#include "form_style.hpp"

#include <QVBoxLayout>

#include "colours.hpp"

namespace vigil::gui::form_style {

void apply(QWidget* page) {
  const QColor bg = colours::panel();
  page->setAutoFillBackground(true);
  page->setStyleSheet(
      QStringLiteral(
          "QWidget { background: %1; color: #e6e6e6; font-size: 15px; }"
          "QLineEdit, QComboBox, QDateTimeEdit, QDateEdit, QSpinBox {"
          "  min-height: %2px; max-height: %2px; padding: 0 8px; background: #303036;"
          "  border: 1px solid #5a5a64; border-radius: 4px; }"
          "QLineEdit:focus, QComboBox:focus, QDateTimeEdit:focus, QDateEdit:focus,"
          "QSpinBox:focus { border: 2px solid #9ab8ff; }"
          "QLineEdit:read-only { background: #24242a; color: #bdbdbd; }"
          "QPushButton { min-height: %2px; padding: 0 14px; background: #3c3c46;"
          "  border: 1px solid #6a6a78; border-radius: 5px; font-weight: bold; }"
          "QPushButton:focus { border: 2px solid #9ab8ff; }"
          "QPushButton:disabled { color: #777777; background: #2c2c32; }"
          "QPushButton:checked { background: #4c5a80; }"
          "QCheckBox, QRadioButton { min-height: %2px; }"
          "QCheckBox::indicator { width: 26px; height: 26px; border: 2px solid #a0a0b0;"
          "  border-radius: 4px; background: #303036; }"
          "QCheckBox::indicator:checked { background: #7fa8ff; border: 2px solid #dfe8ff; }"
          "QCheckBox::indicator:disabled { border: 2px solid #555560; }"
          "QCheckBox::indicator:focus { border: 3px solid #9ab8ff; }"
          "QGroupBox { border: 1px solid #5a5a64; border-radius: 4px; margin-top: 22px; }"
          "QGroupBox::title { subcontrol-origin: margin; left: 6px; }"
          "QGroupBox::indicator { width: 22px; height: 22px; border: 2px solid #a0a0b0;"
          "  background: #303036; }"
          "QGroupBox::indicator:checked { background: #7fa8ff; }"
          "QListWidget { background: #202026; border: 1px solid #5a5a64; }"
          "QListWidget::item { min-height: %2px; }"
          "QListWidget::item:selected { background: #4c5a80; }"
          "QScrollArea { border: none; }")
          .arg(bg.name())
          .arg(kTouchHeight));
}

QLabel* refusalLabel(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setWordWrap(true);
  l->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(refusal().name()));
  l->hide();
  return l;
}

QLabel* statusLabel(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setWordWrap(true);
  l->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(met().name()));
  return l;
}

QLabel* fieldLabel(const QString& text, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  l->setMinimumHeight(kTouchHeight);
  l->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  return l;
}

QLabel* headingLabel(const QString& text, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  l->setStyleSheet(
      QStringLiteral("color: %1; font-size: 17px; font-weight: bold;").arg(heading().name()));
  return l;
}

void setRefusal(QLabel* label, const QString& text) {
  setTextIfChanged(label, text);
  label->setVisible(!text.isEmpty());
}

QWidget* withNote(QWidget* field, QLabel* note, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* col = new QVBoxLayout(box);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(1);
  col->addWidget(field);
  col->addWidget(note);
  return box;
}

void setTextIfChanged(QLabel* label, const QString& text) {
  if (label->text() != text) label->setText(text);
}

}  // namespace vigil::gui::form_style
