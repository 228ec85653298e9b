using System.Text;

namespace Attest.Evidence;

/// <summary>
/// The type of a file from its first bytes, never from its name: a page of HTML called report.pdf is HTML. The name only chooses
/// between the Office formats, which are all ZIP archives underneath.
/// </summary>
public static class ContentSniffer
{
    public const int HeadLength = 1024;

    public const string Html = "text/html";
    public const string Octets = "application/octet-stream";

    public static string Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 0x03, 0x04]))
        {
            return Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                _ => "application/zip",
            };
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "application/gzip";
        if (head.IndexOf((byte)0) >= 0) return Octets;
        var text = DecodeText(head);
        if (text is null) return Octets;
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (LooksLikeMarkup(start)) return Html;
        if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)) return "application/xml";
        if (start.StartsWith('{') || start.StartsWith('[')) return "application/json";
        return "text/plain";
    }

    private static bool LooksLikeMarkup(string text)
    {
        foreach (var tag in new[] { "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<!--", "<title", "<style", "<div", "<a ", "<img", "<meta" })
        {
            if (text.StartsWith(tag, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string? DecodeText(ReadOnlySpan<byte> head)
    {
        // A multi-byte character may be cut at the end of the sample: allow up to three trailing bytes to be incomplete.
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var cut = 0; cut <= Math.Min(3, head.Length); cut++)
        {
            try { return decoder.GetString(head[..(head.Length - cut)]); }
            catch (DecoderFallbackException) { }
        }
        return null;
    }
}
