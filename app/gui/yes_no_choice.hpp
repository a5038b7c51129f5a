#pragma once
// A yes/no answer as two 48 px buttons (one tap each), with "not answered" until one is
// chosen: the REMS questions must be answered, not defaulted.

#include <QButtonGroup>
#include <QPushButton>
#include <QWidget>
#include <optional>

namespace vigil::gui {

class YesNoChoice : public QWidget {
  Q_OBJECT
 public:
  // `name` is said by a screen reader ("sedation yes").
  explicit YesNoChoice(const QString& name, QWidget* parent = nullptr);

  std::optional<bool> value() const;
  void setValue(std::optional<bool> v);
  QPushButton* yesButton() const { return yes_; }
  QPushButton* noButton() const { return no_; }

 signals:
  void changed();

 private:
  QButtonGroup* group_;
  QPushButton* yes_;
  QPushButton* no_;
};

}  // namespace vigil::gui
