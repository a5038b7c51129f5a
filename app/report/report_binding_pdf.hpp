#pragma once
// The record binding (vigil/db/record_binding.hpp) inside a PDF: written as the document's XMP
// metadata (an uncompressed metadata stream, so it survives as plain text), read back from the
// file's bytes by `vigilctl report check`.

#include <QByteArray>
#include <QString>
#include <string>

namespace vigil::report {

// The XMP packet carrying the document title and the binding text.
QByteArray binding_xmp(const QString& title, const std::string& binding_text);

// The binding text found in `pdf_bytes`; throws std::runtime_error ("FILE: no Vigil record
// binding in this PDF (not made by Vigil, or rewritten by another program)").
std::string binding_from_pdf(const QByteArray& pdf_bytes, const QString& file_name);

}  // namespace vigil::report
