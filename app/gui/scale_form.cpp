#include "scale_form.hpp"

#include <QButtonGroup>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QVBoxLayout>

#include "clinical_time.hpp"
#include "form_style.hpp"
#include "scale_item_text.hpp"
#include "vigil/db/site_store.hpp"

namespace vigil::gui {
namespace {

QPushButton* tallButton(const QString& text, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setMinimumHeight(form_style::kTouchHeight);
  // The column's width decides, not the text's: no sideways scrolling in a narrow area.
  b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  b->setStyleSheet(QStringLiteral("text-align: left; padding-left: 8px; font-weight: normal;"));
  return b;
}

QScrollArea* scrolling(QWidget* content, QWidget* parent) {
  auto* scroll = new QScrollArea(parent);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(content);
  return scroll;
}

// The section buttons' text (with its mnemonic) and the Save button's, by Section.
struct SectionText {
  const char* button;
  const char* save;  // nullptr: nothing to save, each tap records
};
const SectionText kSections[] = {
    {"Se&dation", nullptr},    {"&Recovery", "&Save Aldrete"}, {"&CADSS", "&Save CADSS"},
    {"&PHQ-9", "&Save PHQ-9"}, {"&GAD-7", "&Save GAD-7"},
};

}  // namespace

int aldreteSpo2Item(double spo2_percent) {
  if (spo2_percent > 92) return 2;
  if (spo2_percent >= 90) return 1;
  return 0;
}

ScaleForm::ScaleForm(ClinicalGateway& gateway, QWidget* parent)
    : FormPage(parent),
      gateway_(gateway),
      title_(form_style::headingLabel(tr("Scales"), this)),
      sections_(new QStackedWidget(this)),
      spo2_note_(new QLabel(this)),
      total_(new QLabel(this)),
      cadss_forms_(new QStackedWidget(this)),
      status_(form_style::statusLabel(this)),
      save_(new QPushButton(this)),
      back_(new QPushButton(tr("Back (Esc)"), this)),
      refusals_(form_style::refusalLabel(this)) {
  form_style::apply(this);
  QWidget* bar_of_sections = buildSectionBar();
  sections_->addWidget(buildSedation());
  sections_->addWidget(scrolling(buildAldrete(), this));
  cadss_full_ = addQuestionnaire(cadssSpec(false), cadss_forms_);
  cadss_short_ = addQuestionnaire(cadssSpec(true), cadss_forms_);
  cadss_forms_->addWidget(cadss_full_);
  cadss_forms_->addWidget(cadss_short_);
  sections_->addWidget(cadss_forms_);
  phq9_ = addQuestionnaire(phq9Spec(), sections_);
  gad7_ = addQuestionnaire(gad7Spec(), sections_);
  sections_->addWidget(phq9_);
  sections_->addWidget(gad7_);
  auto* bar = new QHBoxLayout;
  bar->addWidget(status_, 1);
  bar->addWidget(back_);
  bar->addWidget(save_);
  auto* page = new QVBoxLayout(this);
  page->setContentsMargins(10, 6, 10, 6);
  page->setSpacing(4);
  page->addWidget(title_);
  page->addWidget(bar_of_sections);
  page->addWidget(sections_, 1);
  page->addWidget(refusals_.general());
  page->addLayout(bar);
  for (QPushButton* b : {save_, back_}) b->setMinimumHeight(form_style::kTouchHeight);
  connect(save_, &QPushButton::clicked, this, &ScaleForm::submit);
  connect(back_, &QPushButton::clicked, this, &FormPage::closeRequested);
  showSection(Section::sedation);
}

QWidget* ScaleForm::buildSectionBar() {
  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  auto* group = new QButtonGroup(bar);
  for (int i = 0; i < static_cast<int>(std::size(kSections)); ++i) {
    auto* b = new QPushButton(tr(kSections[i].button), bar);
    b->setCheckable(true);
    b->setMinimumHeight(form_style::kTouchHeight);
    b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    b->setStyleSheet(QStringLiteral("padding: 0 2px;"));  // five fit a narrow area
    group->addButton(b, i);
    row->addWidget(b, 1);
    section_buttons_.push_back(b);
  }
  connect(group, &QButtonGroup::idClicked, this,
          [this](int id) { showSection(static_cast<Section>(id)); });
  return bar;
}

void ScaleForm::showSection(Section section) {
  const auto i = static_cast<std::size_t>(section);
  section_buttons_.at(i)->setChecked(true);
  sections_->setCurrentIndex(static_cast<int>(i));
  const char* save = kSections[i].save;
  save_->setVisible(save != nullptr);
  if (save) save_->setText(tr(save));
  refusals_.clear();
}

ScaleForm::Section ScaleForm::section() const {
  return static_cast<Section>(sections_->currentIndex());
}

QPushButton* ScaleForm::sectionButton(Section section) const {
  return section_buttons_.at(static_cast<std::size_t>(section));
}

QuestionnaireSection* ScaleForm::addQuestionnaire(QuestionnaireSpec spec, QWidget* parent) {
  auto* q = new QuestionnaireSection(gateway_, std::move(spec), parent);
  connect(q, &QuestionnaireSection::recorded, this, &ScaleForm::showRecorded);
  return q;
}

QuestionnaireSection* ScaleForm::cadssSection() const {
  return cadss_forms_->currentWidget() == cadss_short_ ? cadss_short_ : cadss_full_;
}

QWidget* ScaleForm::buildSedation() {
  auto* content = new QWidget(this);
  auto* col = new QVBoxLayout(content);
  col->setContentsMargins(0, 0, 0, 0);
  col->addWidget(buildMoaas(content));
  col->addWidget(buildRass(content));
  return scrolling(content, this);
}

QWidget* ScaleForm::buildMoaas(QWidget* parent) {
  auto* box = new QGroupBox(tr("MOAA/S (sedation): one tap records it"), parent);
  auto* col = new QVBoxLayout(box);
  for (int level = 5; level >= 0; --level) {  // the awake end first, as it is assessed
    auto* b = tallButton(QStringLiteral("%1  %2").arg(level).arg(moaasLevelText(level)), box);
    connect(b, &QPushButton::clicked, this, [this, level] {
      record(db::Scale::moaas, {level}, tr("MOAA/S %1 recorded").arg(level));
    });
    col->addWidget(b);
    moaas_.insert(moaas_.begin(), b);
  }
  return box;
}

QWidget* ScaleForm::buildRass(QWidget* parent) {
  auto* box = new QGroupBox(tr("RASS (optional): one tap records it"), parent);
  auto* grid = new QGridLayout(box);
  rass_.resize(10);
  for (int level = 4; level >= -5; --level) {
    const QString sign = level > 0 ? QStringLiteral("+") : QString();
    auto* b =
        tallButton(QStringLiteral("%1%2  %3").arg(sign).arg(level).arg(rassLevelText(level)), box);
    connect(b, &QPushButton::clicked, this, [this, level, sign] {
      record(db::Scale::rass, {level}, tr("RASS %1%2 recorded").arg(sign).arg(level));
    });
    const int row = 4 - level;  // +4..0 in the first column, -1..-5 in the second
    grid->addWidget(b, row % 5, row / 5);
    rass_[static_cast<std::size_t>(level + 5)] = b;
  }
  return box;
}

QWidget* ScaleForm::buildAldrete() {
  auto* box = new QGroupBox(tr("Modified Aldrete (recovery): each item 0-2"), this);
  auto* grid = new QGridLayout(box);
  const QStringList names = aldreteItemNames();
  for (int i = 0; i < kAldreteItems; ++i) {
    auto* spin = new QSpinBox(box);
    spin->setRange(-9, 9);  // the store says what the range is, at the item
    spin->setValue(2);
    spin->setMinimumHeight(form_style::kTouchHeight);
    spin->setAccessibleName(tr("Aldrete %1").arg(names.at(i)));
    aldrete_[static_cast<std::size_t>(i)] = spin;
    aldrete_refusals_[static_cast<std::size_t>(i)] = form_style::refusalLabel(box);
    const QString name = QStringLiteral("aldrete.items[%1]").arg(i + 1);  // 1-based, as the store
    refusals_.add({qPrintable(name)}, aldrete_refusals_[static_cast<std::size_t>(i)]);
    grid->addWidget(form_style::fieldLabel(names.at(i), box), 2 * i, 0);
    grid->addWidget(spin, 2 * i, 1);
    grid->addWidget(aldrete_refusals_[static_cast<std::size_t>(i)], 2 * i + 1, 1);
    connect(spin, &QSpinBox::valueChanged, this, [this] {
      int total = 0;
      for (QSpinBox* s : aldrete_) total += s->value();
      total_->setText(tr("Total %1 of 10 (discharge needs 9 or more)").arg(total));
    });
  }
  spo2_note_->setWordWrap(true);
  grid->addWidget(spo2_note_, 2 * kAldreteItems, 0, 1, 2);
  grid->addWidget(total_, 2 * kAldreteItems + 1, 0, 1, 2);
  total_->setText(tr("Total 10 of 10 (discharge needs 9 or more)"));
  return box;
}

void ScaleForm::readCadssForm() {
  // Settings are readable by every role; nobody signed in yet: the default, the full form.
  std::optional<std::string> form;
  if (gateway_.user()) {
    form = gateway_.run([](db::Store& s, const db::Actor&, db::UtcMs) {
      return db::site_setting(s, "cadss_form");
    });
  }
  cadss_forms_->setCurrentWidget(form == "short" ? cadss_short_ : cadss_full_);
}

void ScaleForm::showEvent(QShowEvent* event) {
  FormPage::showEvent(event);
  readCadssForm();
}

void ScaleForm::setState(const db::SessionPanelState& s) {
  form_style::setTextIfChanged(title_, tr("Scales for %1 (%2)")
                                           .arg(QString::fromStdString(s.patient_name),
                                                QString::fromStdString(s.patient_identifier)));
  if (s.id == session_) return;
  session_ = s.id;  // a new session: the items start again, the SpO2 from its oximeter
  for (QSpinBox* spin : aldrete_) spin->setValue(2);
  for (QuestionnaireSection* q : {cadss_full_, cadss_short_, phq9_, gad7_}) q->clear();
  readCadssForm();
  status_->clear();
  refusals_.clear();
  if (s.latest_spo2_percent && s.latest_spo2_utc_ms) {
    aldrete_[4]->setValue(aldreteSpo2Item(*s.latest_spo2_percent));
    spo2_note_->setText(tr("SpO2 item pre-filled from the oximeter: %1 % at %2 (room air). "
                           "Edit it if the patient is on oxygen.")
                            .arg(*s.latest_spo2_percent, 0, 'f', 0)
                            .arg(localClockText(*s.latest_spo2_utc_ms)));
  } else {
    spo2_note_->setText(tr("SpO2 item: no oximeter value recorded yet; score it by hand."));
  }
}

void ScaleForm::submit() {
  switch (section()) {
    case Section::sedation:
      return;  // each tap records
    case Section::recovery: {
      std::vector<int> items;
      for (QSpinBox* spin : aldrete_) items.push_back(spin->value());
      int total = 0;
      for (int v : items) total += v;
      record(db::Scale::aldrete, items, tr("Modified Aldrete %1 recorded").arg(total));
      return;
    }
    case Section::cadss:
      cadssSection()->save();
      return;
    case Section::phq9:
      phq9_->save();
      return;
    case Section::gad7:
      gad7_->save();
      return;
  }
}

bool ScaleForm::record(db::Scale scale, std::vector<int> items, const QString& done) {
  refusals_.clear();
  const db::RowId session = gateway_.activeSession();
  if (session == 0) {
    refusals_.show(tr("session: no session is recording at this station"));
    return false;
  }
  try {
    gateway_.run([&](db::Store& s, const db::Actor& a, db::UtcMs now) {
      return db::record_scale(s, a, {session, now, scale, items}, now);
    });
  } catch (const std::exception& e) {
    refusals_.show(e);
    status_->clear();
    return false;
  }
  showRecorded(done);
  gateway_.notifyRecordChanged(session);
  return true;
}

void ScaleForm::showRecorded(const QString& done) {
  status_->setText(tr("%1 at %2").arg(done, localClockText(gateway_.now())));
}

QPushButton* ScaleForm::moaasButton(int level) const {
  return moaas_.at(static_cast<std::size_t>(level));
}

QPushButton* ScaleForm::rassButton(int level) const {
  return rass_.at(static_cast<std::size_t>(level + 5));
}

QString ScaleForm::refusalAt(const QString& field) const {
  if (field.isEmpty()) return refusals_.general()->text();
  for (int i = 0; i < kAldreteItems; ++i) {
    if (field == QStringLiteral("aldrete.items[%1]").arg(i + 1)) {
      return aldrete_refusals_[static_cast<std::size_t>(i)]->text();
    }
  }
  for (QuestionnaireSection* q : {cadss_full_, cadss_short_, phq9_, gad7_}) {
    const QString prefix = QString::fromUtf8(db::scale_name(q->spec().scale).data()) + '.';
    if (field.startsWith(prefix)) return q->refusalAt(field);
  }
  return {};
}

}  // namespace vigil::gui
