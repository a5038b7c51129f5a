#pragma once
// A printed document's pages drawn with Qt's PDF writer: text stays text (searchable, copyable),
// content flows top to bottom with page breaks, and every page carries a footer with "page i of
// n". Coordinates are in points (1/72 in) from the top left of the printable area.

#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace vigil::report {

enum class Paper { a4, letter };

// "a4" | "letter"; nullopt otherwise.
std::optional<Paper> paper_from_name(const QString& name);

struct TableColumn {
  QString heading;
  double width_share = 1;  // share of the table's width
};

class PdfPages {
 public:
  // Draws into `device` (a QPdfWriter set up by the caller). `total_pages` is the count the
  // footer prints ("page i of n"); 0 prints "page i".
  PdfPages(QPdfWriter& device, QString footer, int total_pages);
  ~PdfPages();
  PdfPages(const PdfPages&) = delete;
  PdfPages& operator=(const PdfPages&) = delete;

  double width() const { return width_; }  // printable width, points
  int page() const { return page_; }       // 1-based page being drawn

  void title(const QString& text, const QString& subtitle);
  void heading(const QString& text);  // a section heading; kept with what follows it
  void paragraph(const QString& text, bool bold = false);
  void small(const QString& text);  // fine print (binding, hashes)
  // Label/value pairs in two columns of pairs.
  void facts(const std::vector<std::pair<QString, QString>>& pairs);
  // A table with a header row repeated on every page it spans; cells wrap.
  void table(const std::vector<TableColumn>& columns, const std::vector<QStringList>& rows);
  // A block of `height` points drawn by `draw` in page coordinates (a chart); starts a new
  // page when it does not fit.
  void block(double height, const std::function<void(QPainter&, const QRectF&)>& draw);
  void space(double points);
  // Starts a new page unless `points` of height are left (keeps a heading with its chart).
  void need(double points) { ensure(points); }
  // A line in red bold: what a reader must act on (a missing field, an overdue form).
  void alert(const QString& text);

 private:
  double y_to_device(double y) const;
  QRectF to_device(const QRectF& r) const;
  void ensure(double height);
  void new_page();
  void draw_footer();
  double text_height(const QString& text, const QFont& font, double width) const;
  void draw_text(const QRectF& r, const QString& text, const QFont& font, int flags);

  QPdfWriter& device_;
  QPainter painter_;
  QString footer_;
  int total_pages_;
  int page_ = 1;
  double scale_;  // device units per point
  double width_;
  double height_;
  double y_ = 0;  // points from the top of the printable area
  QFont body_;
  QFont bold_;
  QFont small_;
  QFont heading_;
  QFont title_;
};

// Renders a document twice: once to count its pages, once to `file` with "page i of n". The
// writer gets `paper`, the PDF title and the XMP metadata (report_binding_pdf.hpp). Returns the
// page count; throws std::runtime_error naming the file when it cannot be written.
int render_pdf(const QString& file, Paper paper, const QString& title, const QByteArray& xmp,
               const QString& footer, const std::function<void(PdfPages&)>& content);

}  // namespace vigil::report
