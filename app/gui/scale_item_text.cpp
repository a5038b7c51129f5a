#include "scale_item_text.hpp"

#include <QCoreApplication>
#include <array>

namespace vigil::gui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("ScaleItemText", text); }

const char* const kMoaas[] = {
    "No response to a trapezius squeeze",         "Responds only to a trapezius squeeze",
    "Responds only to mild prodding or shaking",  "Responds only to a loud or repeated name",
    "Lethargic response to name spoken normally", "Responds readily to name spoken normally",
};
const char* const kRass[] = {
    "Unarousable",    "Deep sedation", "Moderate sedation", "Light sedation", "Drowsy",
    "Alert and calm", "Restless",      "Agitated",          "Very agitated",  "Combative",
};

// The CADSS subject-rated items 1-23, each as a short paraphrase of what it asks about.
const std::array<const char*, 23> kCadss{{
    "Things seem to move in slow motion",
    "Surroundings feel unreal, like a dream",
    "Feels like watching events happen to someone else",
    "Seems to be looking at self from outside the body",
    "The body feels changed or unfamiliar",
    "The world looks as if seen through a fog",
    "Colours look faded or less intense",
    "Things look brighter or sharper than usual",
    "Sounds seem to fade out or come from far away",
    "Objects seem nearer, farther, bigger or smaller than they are",
    "Time seems to stand still or stretch out",
    "Things seem to happen very fast",
    "Moments are missing from memory",
    "Feels spaced out or blank",
    "This experience seems to last far longer than expected",
    "Feels like a stranger to self",
    "Parts of the body seem to change size or shape",
    "Feels cut off from own emotions",
    "Vision narrows, as if looking down a tunnel",
    "Familiar things seem strange or new",
    "Loses track of what is going on",
    "Feels disconnected from own body",
    "Feels as if floating or weightless",
}};

// PHQ-9 and GAD-7: how often in the last two weeks, each as a short paraphrase.
const char* const kPhq9[] = {
    "Little interest or pleasure in doing things",
    "Feeling low, depressed or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or eating too much",
    "Feeling bad about oneself, a failure, letting others down",
    "Trouble concentrating, e.g. reading or watching TV",
    "Moving or speaking very slowly, or being restless and fidgety",
    "Thoughts of being better off dead or of self-harm",
};
const char* const kGad7[] = {
    "Feeling nervous, anxious or on edge",      "Unable to stop or control worrying",
    "Worrying too much about different things", "Trouble relaxing",
    "So restless it is hard to sit still",      "Easily annoyed or irritable",
    "Afraid that something awful might happen",
};

QStringList texts(const char* const* begin, std::size_t n) {
  QStringList out;
  for (std::size_t i = 0; i < n; ++i) out << tr(begin[i]);
  return out;
}

std::vector<int> oneToN(qsizetype n) {
  std::vector<int> out;
  for (int i = 1; i <= n; ++i) out.push_back(i);
  return out;
}

QStringList frequencyChoices() {
  return {tr("Not at all"), tr("Several days"), tr("More than half the days"),
          tr("Nearly every day")};
}

}  // namespace

QString moaasLevelText(int level) { return tr(kMoaas[level]); }
QString rassLevelText(int level) { return tr(kRass[level + 5]); }

QStringList aldreteItemNames() {
  return {tr("Activity"), tr("Respiration"), tr("Circulation"), tr("Consciousness"), tr("SpO2")};
}

QuestionnaireSpec cadssSpec(bool short_form) {
  QuestionnaireSpec s;
  s.scale = short_form ? db::Scale::cadss6 : db::Scale::cadss;
  s.name = short_form ? tr("CADSS-6") : tr("CADSS");
  s.heading = short_form ? tr("dissociation, short form") : tr("dissociation");
  s.instruction = tr("Right now, how strongly does the patient experience this?");
  s.choices = {tr("Not at all"), tr("Slightly"), tr("Moderately"), tr("Considerably"),
               tr("Extremely")};
  if (short_form) {
    for (int n : db::cadss6_items()) {
      s.items << tr(kCadss[static_cast<std::size_t>(n - 1)]);
      s.numbers.push_back(n);
    }
  } else {
    s.items = texts(kCadss.data(), kCadss.size());
    s.numbers = oneToN(s.items.size());
  }
  return s;
}

QuestionnaireSpec phq9Spec() {
  QuestionnaireSpec s;
  s.scale = db::Scale::phq9;
  s.name = tr("PHQ-9");
  s.heading = tr("depression");
  s.instruction = tr("Over the last two weeks, how often has the patient been bothered by:");
  s.items = texts(kPhq9, std::size(kPhq9));
  s.numbers = oneToN(s.items.size());
  s.choices = frequencyChoices();
  s.flagged_item = 8;
  s.flag_text =
      tr("Thoughts of self-harm reported: a clinician must acknowledge this before "
         "discharge.");
  return s;
}

QuestionnaireSpec gad7Spec() {
  QuestionnaireSpec s;
  s.scale = db::Scale::gad7;
  s.name = tr("GAD-7");
  s.heading = tr("anxiety");
  s.instruction = tr("Over the last two weeks, how often has the patient been bothered by:");
  s.items = texts(kGad7, std::size(kGad7));
  s.numbers = oneToN(s.items.size());
  s.choices = frequencyChoices();
  return s;
}

}  // namespace vigil::gui
