namespace SlackJit.Bench;

/// <summary>
/// The process's I/O counters from <c>/proc/self/io</c> (Linux): bytes handed to write calls, and the number of read
/// and write calls. Zero where the file does not exist.
/// </summary>
internal readonly record struct ProcessIo(long Bytes, long Writes, long Reads)
{
    public static ProcessIo Read()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return default;
        }
        long bytes = 0, writes = 0, reads = 0;
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':');
            if (colon < 0 || !long.TryParse(line.AsSpan(colon + 1).Trim(), out var value))
            {
                continue;
            }
            switch (line[..colon])
            {
                case "wchar": bytes = value; break;
                case "syscw": writes = value; break;
                case "syscr": reads = value; break;
            }
        }
        return new ProcessIo(bytes, writes, reads);
    }

    public static ProcessIo operator -(ProcessIo a, ProcessIo b) => new(a.Bytes - b.Bytes, a.Writes - b.Writes, a.Reads - b.Reads);
}
