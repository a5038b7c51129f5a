#include "audit_log_view.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>
#include <tuple>

#include "audit_entry_diff.hpp"
#include "form_style.hpp"
#include "vigil/core/utc_text.hpp"

namespace vigil::gui {
namespace {

constexpr std::size_t kPage = 200;

QLineEdit* filterEdit(const QString& placeholder, const QString& name, QWidget* parent) {
  auto* e = new QLineEdit(parent);
  e->setPlaceholderText(placeholder);
  e->setAccessibleName(name);
  e->setClearButtonEnabled(true);
  return e;
}

QPushButton* button(const QString& text, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setMinimumHeight(form_style::kTouchHeight);
  return b;
}

}  // namespace

AuditLogView::AuditLogView(ClinicalGateway& gateway, QWidget* parent)
    : QWidget(parent),
      gateway_(gateway),
      user_(filterEdit(tr("any user"), tr("user filter"), this)),
      action_(filterEdit(tr("any action"), tr("action filter"), this)),
      entity_(filterEdit(tr("any entity"), tr("entity filter"), this)),
      session_(filterEdit(tr("any session"), tr("session filter"), this)),
      from_(filterEdit(tr("YYYY-MM-DD HH:MM"), tr("from filter"), this)),
      to_(filterEdit(tr("YYYY-MM-DD HH:MM"), tr("to filter"), this)),
      apply_(button(tr("Apply filters"), this)),
      more_(button(tr("Load more"), this)),
      verify_(button(tr("Verify chain"), this)),
      csv_(button(tr("Export CSV..."), this)),
      json_(button(tr("Export JSON..."), this)),
      message_(new QLabel(this)),
      verify_result_(new QLabel(this)),
      table_(new QTableWidget(0, 6, this)),
      detail_(new QTextBrowser(this)) {
  form_style::apply(this);
  auto* filters = new QGridLayout;
  const std::pair<const char*, QLineEdit*> fields[] = {{"User", user_},       {"Action", action_},
                                                       {"Entity", entity_},   {"Session", session_},
                                                       {"From (UTC)", from_}, {"To (UTC)", to_}};
  for (int i = 0; i < 6; ++i) {
    filters->addWidget(form_style::fieldLabel(tr(fields[i].first), this), i / 3, (i % 3) * 2);
    filters->addWidget(fields[i].second, i / 3, (i % 3) * 2 + 1);
  }
  filters->addWidget(apply_, 0, 6, 2, 1);
  table_->setHorizontalHeaderLabels(
      {tr("seq"), tr("time (UTC)"), tr("user"), tr("action"), tr("entity"), tr("id")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);  // read-only
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setStyleSheet(
      QStringLiteral("QTableWidget { background: #15181c; color: #e8e8e8; "
                     "gridline-color: #333; font-size: 14px; }"
                     "QHeaderView::section { background: #2a2f36; color: #e8e8e8; "
                     "font-weight: bold; padding: 4px; }"));
  detail_->setStyleSheet(
      QStringLiteral("QTextBrowser { background: #15181c; color: #e8e8e8; "
                     "font-size: 14px; }"));
  detail_->setOpenLinks(false);
  message_->setWordWrap(true);
  verify_result_->setWordWrap(true);
  verify_result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* actions = new QHBoxLayout;
  actions->addWidget(more_);
  actions->addWidget(verify_);
  actions->addStretch(1);
  actions->addWidget(csv_);
  actions->addWidget(json_);
  auto* lists = new QHBoxLayout;
  lists->addWidget(table_, 5);
  lists->addWidget(detail_, 6);
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(10, 6, 10, 6);
  col->addWidget(form_style::headingLabel(tr("Audit log (read-only)"), this));
  col->addLayout(filters);
  col->addWidget(message_);
  col->addLayout(lists, 1);
  col->addWidget(verify_result_);
  col->addLayout(actions);
  for (QLineEdit* e : {user_, action_, entity_, session_, from_, to_}) {
    connect(e, &QLineEdit::returnPressed, this, &AuditLogView::refresh);
  }
  connect(apply_, &QPushButton::clicked, this, &AuditLogView::refresh);
  connect(more_, &QPushButton::clicked, this, &AuditLogView::loadMore);
  connect(verify_, &QPushButton::clicked, this, &AuditLogView::verifyChain);
  connect(csv_, &QPushButton::clicked, this, [this] { askAndExport(db::AuditExportFormat::csv); });
  connect(json_, &QPushButton::clicked, this,
          [this] { askAndExport(db::AuditExportFormat::json); });
  connect(table_, &QTableWidget::currentCellChanged, this,
          [this](int row, int, int, int) { showEntry(row); });
  more_->setEnabled(false);
}

void AuditLogView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (entries_.empty()) refresh();
}

void AuditLogView::clear() {
  for (QLineEdit* e : {user_, action_, entity_, session_, from_, to_}) e->clear();
  entries_.clear();
  table_->setRowCount(0);
  detail_->clear();
  verify_result_->clear();
  message_->clear();
  more_->setEnabled(false);
}

void AuditLogView::showMessage(const QString& text, bool refusal) {
  message_->setStyleSheet(
      refusal ? QStringLiteral("color: %1; font-weight: bold;").arg(form_style::refusal().name())
              : QString());
  message_->setText(text);
}

std::optional<db::AuditLogFilter> AuditLogView::filterFromFields() {
  db::AuditLogFilter f;
  const auto text = [](QLineEdit* e) { return e->text().trimmed().toStdString(); };
  if (!text(user_).empty()) f.actor_name = text(user_);
  if (!text(action_).empty()) f.action = text(action_);
  if (!text(entity_).empty()) f.entity = text(entity_);
  if (!text(session_).empty()) {
    bool ok = false;
    const auto id = session_->text().trimmed().toLongLong(&ok);
    if (!ok || id <= 0) {
      showMessage(tr("session: must be a session id (a whole number above 0), got '%1'")
                      .arg(session_->text()),
                  true);
      return std::nullopt;
    }
    f.session_id = id;
  }
  for (auto [edit, name, slot] :
       {std::tuple{from_, "from", &f.from_utc_ms}, std::tuple{to_, "to", &f.to_utc_ms}}) {
    if (text(edit).empty()) continue;
    const auto t = core::parse_utc_text(text(edit));
    if (!t) {
      showMessage(tr("%1: must be a UTC time as YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], got '%2'")
                      .arg(QLatin1String(name), edit->text()),
                  true);
      return std::nullopt;
    }
    *slot = *t;
  }
  return f;
}

void AuditLogView::refresh() {
  const auto filter = filterFromFields();
  if (!filter) return;
  try {
    const auto page = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_audit_log_page(s, a, *filter, 0, kPage, now);
    });
    filter_ = *filter;
    entries_.clear();
    table_->setRowCount(0);
    detail_->clear();
    more_available_ = page.more;
    appendRows(page.entries);
  } catch (const std::exception& e) {
    entries_.clear();
    table_->setRowCount(0);
    detail_->clear();
    more_->setEnabled(false);
    showMessage(tr("Refused: %1").arg(QString::fromStdString(e.what())), true);
  }
}

void AuditLogView::loadMore() {
  if (entries_.empty() || !more_available_) return;
  try {
    const auto after = entries_.back().seq;
    const auto page = gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::read_audit_log_page(s, a, filter_, after, kPage, now);
    });
    more_available_ = page.more;
    appendRows(page.entries);
  } catch (const std::exception& e) {
    showMessage(tr("Refused: %1").arg(QString::fromStdString(e.what())), true);
  }
}

void AuditLogView::appendRows(const std::vector<db::AuditEntry>& page) {
  for (const auto& e : page) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    const QStringList cells{QString::number(e.seq),
                            QString::fromStdString(core::utc_text(e.t_utc_ms)).left(19),
                            QString::fromStdString(e.actor_name),
                            QString::fromStdString(e.action),
                            QString::fromStdString(e.entity),
                            e.entity_id ? QString::number(*e.entity_id) : QString()};
    for (int c = 0; c < cells.size(); ++c) table_->setItem(row, c, new QTableWidgetItem(cells[c]));
    entries_.push_back(e);
  }
  table_->resizeColumnsToContents();
  more_->setEnabled(more_available_);
  showMessage(tr("%1 entries shown%2")
                  .arg(entries_.size())
                  .arg(more_available_ ? tr("; more follow (Load more)") : QString()),
              false);
  if (table_->currentRow() < 0 && table_->rowCount() > 0) table_->selectRow(0);
}

void AuditLogView::showEntry(int row) {
  if (row < 0 || row >= static_cast<int>(entries_.size())) {
    detail_->clear();
    return;
  }
  const auto& e = entries_[static_cast<std::size_t>(row)];
  QString head = tr("<p><b>Entry %1</b> - %2 UTC - %3 - %4 %5%6</p><p>hash %7<br>previous %8</p>")
                     .arg(e.seq)
                     .arg(QString::fromStdString(core::utc_text(e.t_utc_ms)),
                          QString::fromStdString(e.actor_name).toHtmlEscaped(),
                          QString::fromStdString(e.action).toHtmlEscaped(),
                          QString::fromStdString(e.entity).toHtmlEscaped(),
                          e.entity_id ? QStringLiteral(" %1").arg(*e.entity_id) : QString(),
                          QString::fromStdString(e.hash), QString::fromStdString(e.prev_hash));
  detail_->setHtml(head + auditFieldTable(auditFieldRows(e.old_value, e.new_value)));
}

void AuditLogView::selectSeq(std::int64_t seq) {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].seq == seq) {
      for (int c = 0; c < table_->columnCount(); ++c) {
        table_->item(static_cast<int>(i), c)->setForeground(form_style::refusal());
      }
      table_->selectRow(static_cast<int>(i));
      table_->scrollToItem(table_->item(static_cast<int>(i), 0));
      return;
    }
  }
}

}  // namespace vigil::gui
