#include "patient_picker.hpp"

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "form_page.hpp"
#include "form_style.hpp"

namespace vigil::gui {

QString patientSummary(const db::PatientRecord& p) {
  QString text = QStringLiteral("%1 (%2)\nborn %3, %4")
                     .arg(QString::fromStdString(p.name), QString::fromStdString(p.identifier),
                          QString::fromStdString(p.date_of_birth), QString::fromStdString(p.sex));
  if (p.weight_kg) text += QStringLiteral(", %1 kg").arg(*p.weight_kg, 0, 'g', 4);
  return text;
}

PatientPicker::PatientPicker(ClinicalGateway& gateway, int visible_rows, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      query_(new QLineEdit(this)),
      find_(new QPushButton(tr("&Find"), this)),
      list_(new QListWidget(this)),
      refusal_(form_style::refusalLabel(this)) {
  query_->setPlaceholderText(tr("identifier or name"));
  query_->setAccessibleName(tr("patient search"));
  list_->setWordWrap(true);
  list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  list_->setFixedHeight(visible_rows * (form_style::kTouchHeight + 2) + 4);
  auto* row = new QHBoxLayout;
  row->addWidget(query_, 1);
  row->addWidget(find_);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(0, 0, 0, 0);
  col->addLayout(row);
  col->addWidget(refusal_);
  col->addWidget(list_);
  onReturn(query_, [this] { find(query_->text()); });
  connect(find_, &QPushButton::clicked, this, [this] { find(query_->text()); });
  connect(list_, &QListWidget::currentRowChanged, this, &PatientPicker::selectionChanged);
}

void PatientPicker::find(const QString& query) {
  const std::string q = query.trimmed().toStdString();
  try {
    matches_ = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::find_patients(s, a, q, now, 20);
    });
  } catch (const std::exception& e) {
    form_style::setRefusal(refusal_, refusalText(e));
    return;
  }
  last_query_ = query;
  form_style::setRefusal(refusal_,
                         matches_.empty() ? tr("no patient matches '%1'").arg(query) : QString());
  const QSignalBlocker block(list_);
  list_->clear();
  for (const auto& p : matches_) list_->addItem(patientSummary(p));
  if (!matches_.empty()) list_->setCurrentRow(0);
  emit selectionChanged();
}

void PatientPicker::refresh() {
  if (last_query_.isEmpty()) return;
  const int row = list_->currentRow();
  find(last_query_);
  if (row >= 0 && row < list_->count()) list_->setCurrentRow(row);
}

std::optional<db::PatientRecord> PatientPicker::selected() const {
  const int row = list_->currentRow();
  if (row < 0 || row >= static_cast<int>(matches_.size())) return std::nullopt;
  return matches_[static_cast<std::size_t>(row)];
}

}  // namespace vigil::gui
