#include "numeric_tile.hpp"

#include <QGridLayout>

namespace vigil::gui {

NumericTile::NumericTile(const QString& title, const QString& unit, QColor colour, QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(title, this)),
      value_(new QLabel(QStringLiteral("---"), this)),
      unit_(new QLabel(unit, this)),
      limits_(new QLabel(this)),
      reason_(new QLabel(this)) {
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, Qt::black);
  pal.setColor(QPalette::WindowText, colour);
  setPalette(pal);

  QFont big = value_->font();
  big.setPointSize(64);  // about 2.5 cm digits on a bedside screen: readable from 3 m
  big.setBold(true);
  value_->setFont(big);
  value_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

  auto* grid = new QGridLayout(this);
  grid->addWidget(title_, 0, 0);
  grid->addWidget(limits_, 0, 1, Qt::AlignRight);
  grid->addWidget(value_, 1, 0, 1, 2);
  grid->addWidget(unit_, 2, 1, Qt::AlignRight);
  grid->addWidget(reason_, 2, 0);
}

void NumericTile::setValue(double value, int decimals) {
  value_->setText(QString::number(value, 'f', decimals));
  reason_->clear();
}

void NumericTile::setAbsent(const QString& reason) {
  value_->setText(QStringLiteral("---"));
  reason_->setText(reason);
}

void NumericTile::setLimits(std::optional<double> low, std::optional<double> high) {
  const auto show = [](std::optional<double> v) {
    return v ? QString::number(*v) : QStringLiteral("off");
  };
  limits_->setText(show(high) + QStringLiteral("\n") + show(low));
}

}  // namespace vigil::gui
