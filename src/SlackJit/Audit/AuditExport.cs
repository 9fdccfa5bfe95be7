using System.Text;

namespace SlackJit.Audit;

/// <summary>Writes a stream of records as CSV, JSON or the Markdown report.</summary>
internal static class AuditExport
{
    private const int BufferSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditRecord> records, Stream output, CancellationToken cancellationToken)
    {
        await using var text = new StreamWriter(output, Utf8, BufferSize, leaveOpen: true);
        var csv = new AuditCsvWriter(text);
        await csv.WriteHeaderAsync(cancellationToken);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            await csv.WriteAsync(record, cancellationToken);
        }
        await text.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(IAsyncEnumerable<AuditRecord> records, Stream output, CancellationToken cancellationToken)
    {
        // The JSON writer buffers itself and hands the stream whole chunks.
        await using (var json = new AuditJsonWriter(output))
        {
            json.WriteStart();
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                await json.WriteAsync(record, cancellationToken);
            }
            await json.WriteEndAsync(cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
    }

    public static async Task WriteReportAsync(
        IAsyncEnumerable<AuditRecord> records, AuditQuery query, DateTimeOffset now, Stream output, CancellationToken cancellationToken)
    {
        var report = new AuditReport();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            report.Add(record);
        }
        await using var text = new StreamWriter(output, Utf8, BufferSize, leaveOpen: true);
        await AuditReportWriter.WriteAsync(text, report, query, now, cancellationToken);
    }
}
