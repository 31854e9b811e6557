/**
 * Large libraries that few requests need (spreadsheets, PDFs, QR codes, SMTP), loaded on first use rather than at
 * start: together they were ≈ 0.5 s of the ≈ 1.4 s it took to load the server's code, which every `npm start`
 * and every CLI command paid. The first export after a start pays its library once instead.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadPdfDocument = async () => (await import('pdfkit')).default;
export const loadQrCode = async () => (await import('qrcode')).default;
export const loadNodemailer = async () => (await import('nodemailer')).default;
