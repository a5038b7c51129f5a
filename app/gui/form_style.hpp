#pragma once
// The look every clinical form shares: the monitor's dark panel, text readable from the chair,
// fields and buttons at least 48 px high (touch targets at 1280x800), and the refusal text
// shown beside a field (a colour of its own: red, yellow and cyan are the alarms').

#include <QColor>
#include <QLabel>
#include <QPushButton>
#include <QString>
#include <QWidget>

namespace vigil::gui::form_style {

inline constexpr int kTouchHeight = 48;

inline QColor refusal() { return {255, 150, 210}; }  // rose: a form's refusal, never an alarm
inline QColor met() { return {120, 220, 120}; }
inline QColor heading() { return {235, 235, 235}; }

// Dark background, light text, 48 px fields and buttons for `page` and its children.
void apply(QWidget* page);
// A word-wrapped label in the refusal colour, hidden while it has no text.
QLabel* refusalLabel(QWidget* parent);
// A field's label, centred on the 48 px field beside it.
QLabel* fieldLabel(const QString& text, QWidget* parent);
// A word-wrapped label for what a form just recorded ("Recorded: ...").
QLabel* statusLabel(QWidget* parent);
// A bold section heading.
QLabel* headingLabel(const QString& text, QWidget* parent);
// Sets `label` to `text` and shows it (hides it for an empty text); no repaint when unchanged.
void setRefusal(QLabel* label, const QString& text);
// `field` with `note` (its refusal, a hint) under it, as one widget for a form row.
QWidget* withNote(QWidget* field, QLabel* note, QWidget* parent);
// Sets a label's text only when it differs (cheap repaints for once-a-second refreshes).
void setTextIfChanged(QLabel* label, const QString& text);

}  // namespace vigil::gui::form_style
