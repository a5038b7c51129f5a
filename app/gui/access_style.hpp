#pragma once
// The look shared by the sign-in screen, the lock overlay and the user bar: a dark panel, large
// readable text and touch targets at least 48 px high (docs: 1280x800 bedside screen).

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

namespace vigil::gui::access_style {

inline constexpr int kTouchHeight = 48;

void paintPanel(QWidget* w);                          // panel background, light text
QLabel* title(const QString& text, QWidget* parent);  // 20 pt bold
QLabel* hint(const QString& text, QWidget* parent);   // 12 pt, dim, wrapped
QLabel* label(const QString& text, QWidget* buddy, QWidget* parent);  // field label, mnemonic
void field(QLineEdit* e);                                             // 48 px, 15 pt
void button(QPushButton* b, bool primary);                            // 48 px, 14 pt
void message(QLabel* l);                                              // the refusal line, wrapped

}  // namespace vigil::gui::access_style
