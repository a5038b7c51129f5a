#include "audit_entry_diff.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "vigil/core/utc_text.hpp"

namespace vigil::gui {
namespace {

std::optional<QJsonObject> object_of(const std::optional<std::string>& v) {
  if (!v) return QJsonObject{};
  QJsonParseError error{};
  const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(*v), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject()) return std::nullopt;
  return doc.object();
}

QString value_text(const QJsonValue& v) {
  if (v.isUndefined()) return {};
  if (v.isNull()) return QStringLiteral("null");
  if (v.isString()) return v.toString();
  if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
  if (v.isDouble()) return QString::number(v.toDouble(), 'g', 15);
  if (v.isArray())
    return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
  return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

}  // namespace

std::vector<AuditFieldRow> auditFieldRows(const std::optional<std::string>& old_value,
                                          const std::optional<std::string>& new_value) {
  const auto before = object_of(old_value);
  const auto after = object_of(new_value);
  std::vector<AuditFieldRow> rows;
  if (!before || !after) {
    const QString b = QString::fromStdString(old_value.value_or(""));
    const QString a = QString::fromStdString(new_value.value_or(""));
    rows.push_back({QString(), b, a, b != a && !b.isEmpty()});
    return rows;
  }
  QStringList keys = before->keys();
  for (const auto& k : after->keys()) {
    if (!keys.contains(k)) keys << k;
  }
  for (const auto& k : keys) {
    QString b = value_text(before->value(k));
    QString a = value_text(after->value(k));
    if (k.endsWith(QLatin1String("_utc_ms"))) {  // a time: also as UTC text
      for (auto [text, v] : {std::pair{&b, before->value(k)}, std::pair{&a, after->value(k)}}) {
        if (v.isDouble()) {
          *text += QStringLiteral(" (%1)").arg(
              QString::fromStdString(core::utc_text(static_cast<std::int64_t>(v.toDouble())))
                  .left(19));
        }
      }
    }
    // A new row (no old value) or a deleted one (no new value) changes nothing field by field.
    const bool both = !before->isEmpty() && !after->isEmpty();
    rows.push_back({k, b, a, both && before->value(k) != after->value(k)});
  }
  return rows;
}

QString auditFieldTable(const std::vector<AuditFieldRow>& rows) {
  QString html = QStringLiteral(
      "<table width='100%' cellspacing='0' cellpadding='3'><tr><th align='left'>field</th>"
      "<th align='left'>before (old value)</th><th align='left'>after (new value)</th></tr>");
  for (const auto& r : rows) {
    const QString style =
        r.changed ? QStringLiteral(" style='background-color:#2d4a6b'") : QString();
    html += QStringLiteral("<tr%1><td>%2%3</td><td>%4</td><td>%5</td></tr>")
                .arg(style, r.changed ? QStringLiteral("&#8800; ") : QString(),
                     r.field.toHtmlEscaped(), r.before.toHtmlEscaped(), r.after.toHtmlEscaped());
  }
  return html + QStringLiteral("</table>");
}

}  // namespace vigil::gui
