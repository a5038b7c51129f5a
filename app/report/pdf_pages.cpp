#include "pdf_pages.hpp"

#include <QBuffer>
#include <QFile>
#include <QPageLayout>
#include <QTextLayout>
#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace vigil::report {
namespace {

constexpr int kResolution = 600;      // device units per inch
constexpr double kFooterHeight = 18;  // points reserved at the bottom of each page
constexpr double kCellPad = 2.5;

QFont font_of(double points, bool bold) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setPointSizeF(points);
  f.setBold(bold);
  // No ligatures (Latin text needs no shaping): "ff" and "fi" stay two letters, so a hash, a lot
  // number or a name is found by a search and copied as typed.
  f.setStyleStrategy(QFont::PreferNoShaping);
  return f;
}

void set_up(QPdfWriter& w, Paper paper, const QString& title, const QByteArray& xmp) {
  w.setResolution(kResolution);
  w.setPageSize(QPageSize(paper == Paper::a4 ? QPageSize::A4 : QPageSize::Letter));
  w.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
  w.setTitle(title);
  w.setCreator(QStringLiteral("Vigil"));
  if (!xmp.isEmpty()) w.setDocumentXmpMetadata(xmp);
}

}  // namespace

std::optional<Paper> paper_from_name(const QString& name) {
  if (name == QLatin1String("a4")) return Paper::a4;
  if (name == QLatin1String("letter")) return Paper::letter;
  return std::nullopt;
}

PdfPages::PdfPages(QPdfWriter& device, QString footer, int total_pages)
    : device_(device),
      footer_(std::move(footer)),
      total_pages_(total_pages),
      scale_(kResolution / 72.0),
      body_(font_of(8.5, false)),
      bold_(font_of(8.5, true)),
      small_(font_of(7, false)),
      heading_(font_of(11.5, true)),
      title_(font_of(17, true)) {
  if (!painter_.begin(&device_)) throw std::runtime_error("the PDF could not be started");
  const QRectF page = device_.pageLayout().paintRect(QPageLayout::Point);
  width_ = page.width();
  height_ = page.height() - kFooterHeight;
}

PdfPages::~PdfPages() {
  draw_footer();
  painter_.end();
}

double PdfPages::y_to_device(double y) const { return y * scale_; }

QRectF PdfPages::to_device(const QRectF& r) const {
  return {r.x() * scale_, r.y() * scale_, r.width() * scale_, r.height() * scale_};
}

namespace {

// Lays `text` out in `width_device` units: wrapped at word boundaries, and inside a word only
// when it does not fit on a line (a lot number, a hash); line breaks kept.
double lay_out(QTextLayout& layout, double width_device, int flags) {
  QTextOption option;
  option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
  option.setAlignment(flags & Qt::AlignRight ? Qt::AlignRight : Qt::AlignLeft);
  layout.setTextOption(option);
  layout.beginLayout();
  double h = 0;
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(width_device);
    line.setPosition(QPointF(0, h));
    h += line.height();
  }
  layout.endLayout();
  return h;
}

QString with_line_breaks(QString text) {
  return text.replace(QLatin1Char('\n'), QChar::LineSeparator);
}

}  // namespace

double PdfPages::text_height(const QString& text, const QFont& font, double width) const {
  QTextLayout layout(with_line_breaks(text), font, &device_);
  return lay_out(layout, width * scale_, Qt::AlignLeft) / scale_;
}

void PdfPages::draw_text(const QRectF& r, const QString& text, const QFont& font, int flags) {
  QTextLayout layout(with_line_breaks(text), font, &device_);
  lay_out(layout, r.width() * scale_, flags);
  layout.draw(&painter_, QPointF(r.x() * scale_, r.y() * scale_));
}

void PdfPages::ensure(double height) {
  if (y_ > 0 && y_ + height > height_) new_page();
}

void PdfPages::new_page() {
  draw_footer();
  device_.newPage();
  ++page_;
  y_ = 0;
}

void PdfPages::draw_footer() {
  const QString count = total_pages_ > 0
                            ? QStringLiteral("page %1 of %2").arg(page_).arg(total_pages_)
                            : QStringLiteral("page %1").arg(page_);
  const QRectF r(0, height_ + 4, width_, kFooterHeight - 4);
  painter_.setPen(QPen(Qt::gray, 0.5 * scale_));
  painter_.drawLine(to_device(QRectF(0, height_ + 2, width_, 0)).topLeft(),
                    to_device(QRectF(0, height_ + 2, width_, 0)).topRight());
  painter_.setPen(Qt::black);
  draw_text(r, footer_, small_, Qt::AlignLeft | Qt::AlignTop);
  draw_text(r, count, small_, Qt::AlignRight | Qt::AlignTop);
}

void PdfPages::title(const QString& text, const QString& subtitle) {
  const double h = text_height(text, title_, width_);
  draw_text(QRectF(0, y_, width_, h), text, title_, Qt::AlignLeft);
  y_ += h + 2;
  if (!subtitle.isEmpty()) paragraph(subtitle);
  space(4);
}

void PdfPages::heading(const QString& text) {
  const double h = text_height(text, heading_, width_);
  ensure(h + 64);  // never a heading alone at the bottom of a page
  y_ += 6;
  draw_text(QRectF(0, y_, width_, h), text, heading_, Qt::AlignLeft);
  y_ += h + 1;
  painter_.setPen(QPen(QColor(0x44, 0x44, 0x44), 0.8 * scale_));
  painter_.drawLine(QPointF(0, y_to_device(y_)), QPointF(width_ * scale_, y_to_device(y_)));
  painter_.setPen(Qt::black);
  y_ += 4;
}

void PdfPages::paragraph(const QString& text, bool bold) {
  const QFont& f = bold ? bold_ : body_;
  const double h = text_height(text, f, width_);
  if (h <= height_ - y_ || h <= height_ / 4) {
    ensure(h);
    draw_text(QRectF(0, y_, width_, h), text, f, Qt::AlignLeft);
    y_ += h + 2;
    return;
  }
  // A long text (a note's body) flows over pages line by line, however it is broken.
  QTextLayout layout(with_line_breaks(text), f, &device_);
  lay_out(layout, width_ * scale_, Qt::AlignLeft);
  painter_.setFont(f);
  for (int i = 0; i < layout.lineCount(); ++i) {
    const QTextLine line = layout.lineAt(i);
    const double lh = line.height() / scale_;
    ensure(lh);
    // Draw the line where the flow is: shift the layout so this line lands at y_.
    line.draw(&painter_, QPointF(0, y_ * scale_ - line.y()));
    y_ += lh;
  }
  y_ += 2;
}

void PdfPages::alert(const QString& text) {
  const double h = text_height(text, bold_, width_);
  ensure(h);
  painter_.setPen(QColor(0xb0, 0x00, 0x00));
  draw_text(QRectF(0, y_, width_, h), text, bold_, Qt::AlignLeft);
  painter_.setPen(Qt::black);
  y_ += h + 2;
}

void PdfPages::small(const QString& text) {
  const double h = text_height(text, small_, width_);
  ensure(h);
  draw_text(QRectF(0, y_, width_, h), text, small_, Qt::AlignLeft);
  y_ += h + 1;
}

void PdfPages::facts(const std::vector<std::pair<QString, QString>>& pairs) {
  const double half = width_ / 2;
  const double label_w = 95;
  for (std::size_t i = 0; i < pairs.size(); i += 2) {
    double h = 0;
    for (std::size_t k = i; k < std::min(i + 2, pairs.size()); ++k) {
      h = std::max(h, text_height(pairs[k].second, body_, half - label_w - 6));
    }
    ensure(h);
    for (std::size_t k = i; k < std::min(i + 2, pairs.size()); ++k) {
      const double x = (k - i) * half;
      draw_text(QRectF(x, y_, label_w, h), pairs[k].first, bold_, Qt::AlignLeft);
      draw_text(QRectF(x + label_w, y_, half - label_w - 6, h), pairs[k].second, body_,
                Qt::AlignLeft);
    }
    y_ += h + 2;
  }
}

void PdfPages::table(const std::vector<TableColumn>& columns,
                     const std::vector<QStringList>& rows) {
  double shares = 0;
  for (const auto& c : columns) shares += c.width_share;
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(width_ * c.width_share / shares);
  const auto row_height = [&](const QStringList& cells, const QFont& f) {
    double h = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const QString cell = i < static_cast<std::size_t>(cells.size()) ? cells[int(i)] : QString();
      h = std::max(h, text_height(cell, f, widths[i] - 2 * kCellPad));
    }
    return h + 2 * kCellPad;
  };
  const auto draw_row = [&](const QStringList& cells, const QFont& f, double h, bool header) {
    double x = 0;
    if (header) painter_.fillRect(to_device(QRectF(0, y_, width_, h)), QColor(0xe4, 0xe8, 0xee));
    painter_.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 0.4 * scale_));
    painter_.drawLine(QPointF(0, y_to_device(y_ + h)),
                      QPointF(width_ * scale_, y_to_device(y_ + h)));
    painter_.setPen(Qt::black);
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const QString cell = i < static_cast<std::size_t>(cells.size()) ? cells[int(i)] : QString();
      draw_text(QRectF(x + kCellPad, y_ + kCellPad, widths[i] - 2 * kCellPad, h - 2 * kCellPad),
                cell, f, Qt::AlignLeft);
      x += widths[i];
    }
    y_ += h;
  };
  if (rows.empty()) {
    paragraph(QStringLiteral("None recorded."));
    return;
  }
  QStringList headings;
  for (const auto& c : columns) headings << c.heading;
  const double header_h = row_height(headings, bold_);
  const double first_h = row_height(rows.front(), body_);
  ensure(header_h + first_h);
  draw_row(headings, bold_, header_h, true);
  for (const auto& row : rows) {
    const double h = row_height(row, body_);
    if (y_ + h > height_) {
      new_page();
      draw_row(headings, bold_, header_h, true);
    }
    draw_row(row, body_, h, false);
  }
  y_ += 3;
}

void PdfPages::block(double height, const std::function<void(QPainter&, const QRectF&)>& draw) {
  ensure(height);
  painter_.save();
  draw(painter_, to_device(QRectF(0, y_, width_, height)));
  painter_.restore();
  y_ += height + 4;
}

void PdfPages::space(double points) { y_ += points; }

int render_pdf(const QString& file, Paper paper, const QString& title, const QByteArray& xmp,
               const QString& footer, const std::function<void(PdfPages&)>& content) {
  int pages = 0;
  {
    QBuffer counting;
    counting.open(QIODevice::WriteOnly);
    QPdfWriter w(&counting);
    set_up(w, paper, title, {});
    PdfPages p(w, footer, 0);
    content(p);
    pages = p.page();
  }
  // Written beside the target, owner-only, and renamed over it only when complete: a failed
  // print never leaves a truncated PDF over a good one.
  const QString partial = file + QStringLiteral(".partial");
  QFile out(partial);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    throw std::runtime_error(file.toStdString() + ": cannot be written (" +
                             out.errorString().toStdString() + ")");
  }
  out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
  {
    QPdfWriter w(&out);
    set_up(w, paper, title, xmp);
    PdfPages p(w, footer, pages);
    content(p);
  }
  out.close();
  if (out.error() != QFileDevice::NoError) {
    QFile::remove(partial);
    throw std::runtime_error(file.toStdString() + ": writing failed (" +
                             out.errorString().toStdString() + ")");
  }
  std::error_code ec;
  std::filesystem::rename(partial.toStdString(), file.toStdString(), ec);
  if (ec) {
    QFile::remove(partial);
    throw std::runtime_error(file.toStdString() + ": cannot be replaced (" + ec.message() + ")");
  }
  return pages;
}

}  // namespace vigil::report
