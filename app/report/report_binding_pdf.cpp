#include "report_binding_pdf.hpp"

#include <stdexcept>

namespace vigil::report {
namespace {

constexpr char kOpen[] = "<vigil:binding>";
constexpr char kClose[] = "</vigil:binding>";

QString xml_escaped(const QString& s) { return s.toHtmlEscaped(); }

}  // namespace

QByteArray binding_xmp(const QString& title, const std::string& binding_text) {
  // The binding holds only [a-z0-9_ -] and line breaks: nothing to escape inside the element.
  QString xmp;
  xmp += QStringLiteral("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
  xmp += QStringLiteral("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
  xmp += QStringLiteral(
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
      "xmlns:vigil=\"urn:vigil:record-binding:1\">\n");
  xmp += QStringLiteral(
             "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt>"
             "</dc:title>\n")
             .arg(xml_escaped(title));
  xmp += QStringLiteral("   <pdf:Producer>Vigil</pdf:Producer>\n");
  xmp += QStringLiteral("   ") + QLatin1String(kOpen) + QString::fromStdString(binding_text) +
         QLatin1String(kClose) + QStringLiteral("\n");
  xmp += QStringLiteral("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
  return xmp.toUtf8();
}

std::string binding_from_pdf(const QByteArray& pdf_bytes, const QString& file_name) {
  const qsizetype open = pdf_bytes.indexOf(kOpen);
  const qsizetype close = open < 0 ? -1 : pdf_bytes.indexOf(kClose, open);
  if (open < 0 || close < 0 || pdf_bytes.indexOf(kOpen, open + 1) >= 0) {
    throw std::runtime_error(file_name.toStdString() +
                             ": no Vigil record binding in this PDF (not made by Vigil, or "
                             "rewritten by another program)");
  }
  const qsizetype start = open + static_cast<qsizetype>(sizeof(kOpen) - 1);
  return pdf_bytes.mid(start, close - start).toStdString();
}

}  // namespace vigil::report
