// The printed page flow (app/report/pdf_pages.hpp): a text longer than a page, with or without
// line breaks, flows over pages and reads back whole; a table repeats its header on each page;
// a failed write leaves no file.
#include "pdf_pages.hpp"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <filesystem>

#include "support/temp_dir.hpp"

namespace vigil::report {
namespace {

QString text_of(const QString& pdf) {
  QProcess p;
  p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  EXPECT_TRUE(p.waitForFinished(30000));
  return QString::fromUtf8(p.readAllStandardOutput());
}

TEST(PdfPages, AParagraphLongerThanAPageFlowsOverPagesWithOrWithoutLineBreaks) {
  vigil::test::TempDir dir;
  const QString pdf = QString::fromStdString(dir.path()) + QStringLiteral("/long.pdf");
  QString one_line;
  for (int i = 0; i < 3000; ++i) one_line += QStringLiteral("word%1 ").arg(i);
  const int pages = render_pdf(
      pdf, Paper::a4, QStringLiteral("t"), {}, QStringLiteral("footer"), [&](PdfPages& p) {
        p.paragraph(one_line + QStringLiteral("END-OF-ONE-LINE"));
        p.paragraph(QString(one_line).replace(QStringLiteral("0 "), QStringLiteral("0\n")) +
                    QStringLiteral("END-OF-LINES"));
      });
  EXPECT_GE(pages, 4);
  const QString text = text_of(pdf);
  EXPECT_TRUE(text.contains(QStringLiteral("word2999 END-OF-ONE-LINE")));
  EXPECT_TRUE(text.contains(QStringLiteral("END-OF-LINES")));
  EXPECT_TRUE(text.contains(QStringLiteral("page %1 of %1").arg(pages)));
}

TEST(PdfPages, ATableRepeatsItsHeaderOnEveryPageItSpans) {
  vigil::test::TempDir dir;
  const QString pdf = QString::fromStdString(dir.path()) + QStringLiteral("/table.pdf");
  std::vector<QStringList> rows;
  for (int i = 0; i < 200; ++i)
    rows.push_back({QString::number(i), QStringLiteral("row %1").arg(i)});
  const int pages = render_pdf(
      pdf, Paper::letter, QStringLiteral("t"), {}, QStringLiteral("f"), [&](PdfPages& p) {
        p.table({{QStringLiteral("Number"), 1}, {QStringLiteral("Text"), 3}}, rows);
      });
  ASSERT_GE(pages, 3);
  EXPECT_EQ(text_of(pdf).count(QStringLiteral("Number")), pages);
}

TEST(PdfPages, AFileThatCannotBeWrittenIsNamedAndNothingIsLeft) {
  vigil::test::TempDir dir;
  const QString pdf = QString::fromStdString(dir.path()) + QStringLiteral("/no/such/folder/x.pdf");
  try {
    render_pdf(pdf, Paper::a4, QStringLiteral("t"), {}, QStringLiteral("f"),
               [](PdfPages& p) { p.paragraph(QStringLiteral("x")); });
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("x.pdf: cannot be written"), std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(pdf.toStdString()));
}

}  // namespace
}  // namespace vigil::report
