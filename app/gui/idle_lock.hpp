#pragma once
// The idle lock's timer: any key, mouse, wheel or touch input to the application restarts it
// (an event filter on qApp); when it runs out, idle() is emitted once. The timeout comes from
// the site setting idle_lock_minutes (idleLockTimeout); tests set milliseconds directly.

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <optional>
#include <string>

namespace vigil::gui {

inline constexpr int kDefaultIdleLockMinutes = 5;

struct IdleLockTimeout {
  std::chrono::milliseconds timeout{std::chrono::minutes(kDefaultIdleLockMinutes)};
  QString problem;  // a bad setting: the message naming it (the default applies)
};

// The site setting's value (whole minutes, 1..720); absent: the default; anything else: the
// default with a message naming the setting and the rule.
IdleLockTimeout idleLockTimeout(const std::optional<std::string>& setting);

class IdleLock : public QObject {
  Q_OBJECT
 public:
  explicit IdleLock(QObject* parent = nullptr);
  ~IdleLock() override;

  void setTimeout(std::chrono::milliseconds timeout);
  std::chrono::milliseconds timeout() const;
  // Watching: the timer runs and input restarts it. Stopped: nothing fires.
  void start();
  void stop();
  bool isRunning() const { return timer_.isActive(); }

 signals:
  void idle();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QTimer timer_;
  bool watching_ = false;
};

}  // namespace vigil::gui
