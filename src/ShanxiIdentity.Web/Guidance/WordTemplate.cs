using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ShanxiIdentity.Web.Guidance;

/// <summary>
/// Builds a template as a Word document (.docx) on A4 with the blanks as lines to write on, or
/// filled with what the portal knows. Fonts: 宋体 for Chinese, as government forms use.
/// </summary>
public static class WordTemplate
{
    private const string ChineseFont = "宋体";
    private const string LatinFont = "Times New Roman";

    public static byte[] Build(SeedDocument document, IReadOnlyDictionary<string, string>? values)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Creator = "山西政务服务网统一身份认证系统";
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(document.Title, values, bold: true, size: 36, centred: true, spaceAfter: 360));
            foreach (var section in document.Sections)
            {
                if (section.Heading is not null)
                {
                    body.Append(Paragraph(section.Heading, values, bold: true, size: 24, centred: false, spaceAfter: 120));
                }

                foreach (var paragraph in section.Paragraphs)
                {
                    body.Append(Paragraph(paragraph, values, bold: false, size: 24, centred: false, spaceAfter: 160));
                }
            }

            body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "480" })));
            foreach (var line in document.SignatureLines)
            {
                body.Append(Paragraph(line, values, bold: false, size: 24, centred: false, spaceAfter: 360));
            }

            // A4 with 2.5 cm margins.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string line, IReadOnlyDictionary<string, string>? values, bool bold, int size, bool centred, int spaceAfter)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = spaceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "360", LineRule = LineSpacingRuleValues.Auto });
        if (centred)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        var paragraph = new Paragraph(properties);
        foreach (var segment in TemplateText.Split(line, values))
        {
            var filled = segment.IsBlank && segment.Text.Length > 0;
            var text = segment.IsBlank && !filled ? TemplateText.EmptyBlank : segment.Text;
            paragraph.Append(Run(text, bold, size, underline: filled));
        }

        return paragraph;
    }

    private static Run Run(string text, bool bold, int size, bool underline)
    {
        // Children in the order the schema requires: fonts, bold, size, underline.
        var properties = new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = ChineseFont });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
