#include "discharge_criteria_view.hpp"

#include <QStringList>
#include <QVBoxLayout>

#include "form_style.hpp"

namespace vigil::gui {

QString dischargeCriterionTitle(core::DischargeCriterion c) {
  using C = core::DischargeCriterion;
  switch (c) {
    case C::minimum_observation:
      return QObject::tr("Time since the first dose");
    case C::sedation:
      return QObject::tr("Sedation (MOAA/S 5)");
    case C::vitals:
      return QObject::tr("Vital signs in range");
    case C::aldrete:
      return QObject::tr("Modified Aldrete 9 or more");
    case C::escort:
      return QObject::tr("Escort present");
    case C::discharge_bp:
      return QObject::tr("Pre-discharge BP");
    case C::self_harm_review:
      return QObject::tr("PHQ-9 item 9 reviewed");
  }
  return {};
}

DischargeCriteriaView::DischargeCriteriaView(QWidget* parent) : QWidget(parent) {
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->setSpacing(2);
}

void DischargeCriteriaView::setCriteria(const std::vector<core::DischargeCriterionStatus>& cs) {
  while (rows_.size() < cs.size()) {
    auto* l = new QLabel(this);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    layout()->addWidget(l);
    rows_.push_back(l);
    row_met_.push_back(false);
  }
  met_ = 0;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    QLabel* l = rows_[i];
    l->setVisible(i < cs.size());
    if (i >= cs.size()) continue;
    const auto& c = cs[i];
    met_ += c.met ? 1 : 0;
    const QString text =
        QStringLiteral("%1  %2: %3")
            .arg(c.met ? QStringLiteral("\u2714") : tr("NOT MET"),
                 dischargeCriterionTitle(c.criterion), QString::fromStdString(c.value));
    form_style::setTextIfChanged(l, text);
    if (row_met_[i] != c.met || l->styleSheet().isEmpty()) {
      row_met_[i] = c.met;
      const QColor colour = c.met ? form_style::met() : form_style::refusal();
      l->setStyleSheet(
          QStringLiteral("color: %1; font-size: 16px; font-weight: %2;")
              .arg(colour.name(), c.met ? QStringLiteral("normal") : QStringLiteral("bold")));
    }
  }
}

QString DischargeCriteriaView::text() const {
  QStringList lines;
  for (QLabel* l : rows_) {
    if (!l->isHidden()) lines << l->text();
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace vigil::gui
