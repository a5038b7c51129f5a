#include "alarm_text.hpp"

#include <algorithm>

namespace vigil::gui {

QString channelLabel(core::Channel c) {
  using core::Channel;
  switch (c) {
    case Channel::spo2:
      return QStringLiteral("SpO2");
    case Channel::pulse_rate:
      return QStringLiteral("Pulse rate");
    case Channel::pleth:
      return QStringLiteral("Pleth");
    case Channel::perfusion_index:
      return QStringLiteral("PI");
    case Channel::spco:
      return QStringLiteral("SpCO");
    case Channel::spmet:
      return QStringLiteral("SpMet");
    case Channel::pvi:
      return QStringLiteral("PVI");
    case Channel::nibp_systolic:
      return QStringLiteral("NIBP sys");
    case Channel::nibp_diastolic:
      return QStringLiteral("NIBP dia");
    case Channel::nibp_mean:
      return QStringLiteral("NIBP mean");
    case Channel::nibp_pulse_rate:
      return QStringLiteral("NIBP pulse");
    case Channel::cuff_pressure:
      return QStringLiteral("Cuff");
  }
  return QString::fromUtf8(core::channel_name(c).data(),
                           static_cast<qsizetype>(core::channel_name(c).size()));
}

QString priorityMarker(core::AlarmPriority p) {
  switch (p) {
    case core::AlarmPriority::high:
      return QStringLiteral("!!!");
    case core::AlarmPriority::medium:
      return QStringLiteral("!!");
    case core::AlarmPriority::low:
      return QStringLiteral("!");
  }
  return {};
}

QString comparisonSymbol(core::LimitComparison c) {
  switch (c) {
    case core::LimitComparison::below:
      return QStringLiteral("<");
    case core::LimitComparison::at_or_below:
      return QStringLiteral("\u2264");
    case core::LimitComparison::above:
      return QStringLiteral(">");
    case core::LimitComparison::at_or_above:
      return QStringLiteral("\u2265");
  }
  return {};
}

namespace {

QString fromView(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString unitOf(core::Channel c) {
  const QString u = fromView(core::channel_unit(c));
  return u == QStringLiteral("/min") ? QStringLiteral("bpm") : u;
}

}  // namespace

QString describeCondition(const core::AnnunciatedCondition& c, const QString& device_name) {
  QString body;
  switch (c.id.kind) {
    case core::AlarmConditionKind::limit: {
      body = channelLabel(c.id.channel) +
             (c.id.side == core::LimitSide::low ? QStringLiteral(" LOW") : QStringLiteral(" HIGH"));
      if (c.value) body += QStringLiteral(" ") + QString::number(*c.value, 'f', 0);
      if (c.limit) {
        body += QStringLiteral(" ") + comparisonSymbol(c.limit->comparison) + QStringLiteral(" ") +
                QString::number(c.limit->threshold) + QStringLiteral(" ") + unitOf(c.id.channel);
      }
      break;
    }
    case core::AlarmConditionKind::nibp_rise:
      body = channelLabel(c.id.channel) + QStringLiteral(" RISE");
      if (c.value) body += QStringLiteral(" ") + QString::number(*c.value, 'f', 0);
      if (c.limit) body += QStringLiteral(" (+%1 over baseline)").arg(c.limit->threshold);
      break;
    case core::AlarmConditionKind::technical: {
      const QString dev =
          device_name.isEmpty() ? QStringLiteral("device %1").arg(c.id.device) : device_name;
      QString what = fromView(core::technical_condition_name(c.id.technical));
      what.replace(QLatin1Char('_'), QLatin1Char(' '));
      body = dev + QStringLiteral(": ") + what;
      break;
    }
    case core::AlarmConditionKind::channel:
      body = channelLabel(c.id.channel) + QStringLiteral(" alarms off");
      break;
    case core::AlarmConditionKind::none:
      body = QStringLiteral("alarm system");
      break;
  }
  QString text = priorityMarker(c.priority) + QStringLiteral(" ") + body;
  if (c.latched) text += QStringLiteral(" (cleared, latched)");
  if (c.acknowledged) text += QStringLiteral(" [ack]");
  return text;
}

QString countdownText(std::chrono::milliseconds remaining) {
  const long long ms = std::max<long long>(0, remaining.count());
  const long long s = (ms + 999) / 1000;
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace vigil::gui
