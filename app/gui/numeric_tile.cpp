#include "numeric_tile.hpp"

#include <QGridLayout>

#include "colours.hpp"
#include "vigil/core/alarm_annunciation.hpp"

namespace vigil::gui {

NumericTile::NumericTile(const QString& title, const QString& unit, QColor colour, QWidget* parent)
    : QWidget(parent),
      colour_(colour),
      title_(new QLabel(title, this)),
      value_(new QLabel(QStringLiteral("---"), this)),
      unit_(new QLabel(unit, this)),
      limits_(new QLabel(this)),
      reason_(new QLabel(this)),
      detail_(new QLabel(this)),
      alarm_off_(new QLabel(tr("ALARM OFF"), this)) {
  setAutoFillBackground(true);
  QFont label_font = title_->font();
  label_font.setPointSize(14);
  label_font.setBold(true);
  title_->setFont(label_font);
  alarm_off_->setFont(label_font);
  alarm_off_->setStyleSheet(QStringLiteral("background: rgb(230,0,0); color: white; padding: 2px"));
  alarm_off_->hide();
  QFont small = label_font;
  small.setBold(false);
  small.setPointSize(12);
  for (QLabel* l : {unit_, limits_, reason_, detail_}) l->setFont(small);

  QFont big = value_->font();
  big.setPointSize(64);  // about 2.5 cm digits on a bedside screen: readable from 3 m
  big.setBold(true);
  value_->setFont(big);
  value_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  value_->setMinimumWidth(10);
  limits_->setAlignment(Qt::AlignRight | Qt::AlignTop);
  limits_->setMinimumWidth(limits_->fontMetrics().horizontalAdvance(QStringLiteral("8888")));

  auto* grid = new QGridLayout(this);
  grid->addWidget(title_, 0, 0);
  grid->addWidget(alarm_off_, 0, 1, Qt::AlignCenter);
  grid->addWidget(limits_, 0, 2, Qt::AlignRight);
  grid->addWidget(value_, 1, 0, 1, 3);
  grid->addWidget(reason_, 2, 0, 1, 2);
  grid->addWidget(unit_, 2, 2, Qt::AlignRight);
  grid->addWidget(detail_, 3, 0, 1, 3, Qt::AlignRight);
  grid->setRowStretch(1, 1);

  connect(&flash_, &FlashTimer::phaseChanged, this, [this] { applyColours(); });
  applyColours();
}

void NumericTile::setValue(double value, int decimals) {
  setValueText(QString::number(value, 'f', decimals));
}

void NumericTile::setValueText(const QString& text) {
  if (value_->text() != text) value_->setText(text);
  reason_->clear();
}

void NumericTile::setAbsent(const QString& reason) {
  value_->setText(QStringLiteral("---"));
  reason_->setText(reason);
}

void NumericTile::setDetail(const QString& text) {
  if (detail_->text() != text) detail_->setText(text);
}

void NumericTile::setLimits(std::optional<double> low, std::optional<double> high) {
  const auto show = [](std::optional<double> v) {
    return v ? QString::number(*v) : QStringLiteral("off");
  };
  const QString text = show(high) + QStringLiteral("\n") + show(low);
  if (limits_->text() != text) limits_->setText(text);
}

void NumericTile::setAlarmState(const station::ChannelAlarmState& state) {
  if (state == alarm_) return;
  alarm_ = state;
  alarm_off_->setVisible(state.alarm_off);
  if (state.priority) {
    const core::VisualPattern p = core::visual_pattern_for(*state.priority);
    flash_.setPattern(p.flash_hz, p.duty_cycle);
  } else {
    flash_.stop();
  }
  applyColours();
}

void NumericTile::setValuePointSize(int points) {
  QFont f = value_->font();
  f.setPointSize(points);
  value_->setFont(f);
}

bool NumericTile::alarmLit() const { return alarm_.priority.has_value() && flash_.isOn(); }

void NumericTile::applyColours() {
  QPalette pal = palette();
  if (alarmLit()) {
    pal.setColor(QPalette::Window, colours::alarm(*alarm_.priority));
    pal.setColor(QPalette::WindowText, colours::onAlarm(*alarm_.priority));
  } else {
    pal.setColor(QPalette::Window, colours::background());
    pal.setColor(QPalette::WindowText, colour_);
  }
  setPalette(pal);
}

}  // namespace vigil::gui
