#include "device_strip.hpp"

#include <QFrame>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

#include "colours.hpp"

namespace vigil::gui {
namespace {

QString ageText(const std::optional<std::chrono::milliseconds>& age) {
  if (!age) return QObject::tr("no data yet");
  const double s = static_cast<double>(age->count()) / 1000.0;
  if (s < 60) return QObject::tr("last data %1 s ago").arg(s, 0, 'f', 1);
  return QObject::tr("last data %1 min ago").arg(static_cast<int>(s / 60));
}

void setIfChanged(QLabel* l, const QString& text) {
  if (l->text() != text) l->setText(text);
}

}  // namespace

DeviceStrip::DeviceStrip(QWidget* parent)
    : QWidget(parent),
      row_(new QHBoxLayout(this)),
      empty_(new QLabel(tr("no devices configured"), this)) {
  setAutoFillBackground(true);
  QPalette pal = palette();
  pal.setColor(QPalette::Window, colours::panel());
  pal.setColor(QPalette::WindowText, colours::dimText());
  setPalette(pal);
  row_->setContentsMargins(6, 4, 6, 4);
  row_->addWidget(empty_);
  row_->addStretch();
  setMinimumHeight(100);
}

DeviceStrip::Card DeviceStrip::makeCard(const station::DeviceInfo& d) {
  Card c;
  c.id = d.id;
  auto* frame = new QFrame(this);
  frame->setFrameShape(QFrame::StyledPanel);
  auto* column = new QVBoxLayout(frame);
  column->setContentsMargins(6, 2, 6, 2);
  column->setSpacing(1);
  c.frame = frame;
  c.name = new QLabel(frame);
  QFont bold = c.name->font();
  bold.setBold(true);
  c.name->setFont(bold);
  c.state = new QLabel(frame);
  c.age = new QLabel(frame);
  c.conditions = new QLabel(frame);
  c.conditions->setStyleSheet(QStringLiteral("color: rgb(255,160,0)"));
  auto* top = new QHBoxLayout;
  top->addWidget(c.name);
  top->addStretch();
  top->addWidget(c.state);
  column->addLayout(top);
  column->addWidget(c.age);
  column->addWidget(c.conditions);
  if (d.accepts_nibp_command) {
    c.nibp = new QPushButton(tr("Start NIBP"), frame);
    c.nibp->setMinimumHeight(32);
    const core::DeviceId id = d.id;
    connect(c.nibp, &QPushButton::clicked, this, [this, id] { emit startNibpRequested(id); });
    column->addWidget(c.nibp);
  }
  return c;
}

void DeviceStrip::fillCard(Card& c, const station::DeviceInfo& d) {
  setIfChanged(c.name, QString::fromStdString(d.name) + QStringLiteral("  ") +
                           QString::fromStdString(d.identity));
  setIfChanged(c.state, QString::fromStdString(d.state));
  const QString style =
      d.connected ? QStringLiteral("color: rgb(0,230,0)") : QStringLiteral("color: rgb(255,160,0)");
  if (c.state->styleSheet() != style) c.state->setStyleSheet(style);  // re-polish only on change
  setIfChanged(c.age, ageText(d.last_data_age));
  QStringList conditions;
  for (const std::string& t : d.technical_conditions) conditions << QString::fromStdString(t);
  setIfChanged(c.conditions, conditions.join(QStringLiteral(", ")));
  if (c.nibp) {
    c.nibp->setEnabled(d.connected && !d.nibp_measuring);
    c.nibp->setText(d.nibp_measuring ? tr("NIBP measuring...") : tr("Start NIBP"));
  }
}

void DeviceStrip::setDevices(const std::vector<station::DeviceInfo>& devices) {
  bool same = devices.size() == cards_.size();
  for (std::size_t i = 0; same && i < devices.size(); ++i) {
    same = cards_[i].id == devices[i].id &&
           (cards_[i].nibp != nullptr) == devices[i].accepts_nibp_command;
  }
  if (!same) {
    for (Card& c : cards_) delete c.frame;
    cards_.clear();
    for (std::size_t i = 0; i < devices.size(); ++i) {
      cards_.push_back(makeCard(devices[i]));
      row_->insertWidget(static_cast<int>(i), cards_.back().frame);
    }
  }
  empty_->setVisible(devices.empty());
  for (std::size_t i = 0; i < devices.size(); ++i) fillCard(cards_[i], devices[i]);
}

QString DeviceStrip::cardText(int i) const {
  const Card& c = cards_.at(static_cast<std::size_t>(i));
  QStringList parts{c.name->text(), c.state->text(), c.age->text(), c.conditions->text()};
  if (c.nibp) parts << c.nibp->text();
  return parts.join(QLatin1Char('\n'));
}

QPushButton* DeviceStrip::nibpButton(int i) const {
  return cards_.at(static_cast<std::size_t>(i)).nibp;
}

}  // namespace vigil::gui
