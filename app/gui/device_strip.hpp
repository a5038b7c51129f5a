#pragma once
// The device strip: one card per device with its name, identity, link state, age of its last
// data and technical conditions, and a "Start NIBP" button where the device accepts commands.
// "no devices configured" when there are none. Cards are reused while the device list stays
// the same, so a 30 Hz snapshot only updates texts.

#include <QLabel>
#include <QWidget>
#include <vector>

#include "screen_snapshot.hpp"

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QPushButton;
QT_END_NAMESPACE

namespace vigil::gui {

class DeviceStrip : public QWidget {
  Q_OBJECT
 public:
  explicit DeviceStrip(QWidget* parent = nullptr);

  void setDevices(const std::vector<station::DeviceInfo>& devices);

  int cardCount() const { return static_cast<int>(cards_.size()); }
  QString cardText(int i) const;         // all texts of card i, one per line (tests)
  QPushButton* nibpButton(int i) const;  // nullptr where the device takes no command
  bool emptyMessageShown() const { return !empty_->isHidden(); }
  QString emptyMessage() const { return empty_->text(); }

 signals:
  void startNibpRequested(core::DeviceId device);

 private:
  struct Card {
    core::DeviceId id = 0;
    QWidget* frame = nullptr;
    QLabel* name = nullptr;
    QLabel* state = nullptr;
    QLabel* age = nullptr;
    QLabel* conditions = nullptr;
    QPushButton* nibp = nullptr;
  };
  Card makeCard(const station::DeviceInfo& d);
  void fillCard(Card& c, const station::DeviceInfo& d);

  QHBoxLayout* row_;
  QLabel* empty_;
  std::vector<Card> cards_;
};

}  // namespace vigil::gui
