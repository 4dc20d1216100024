namespace TipLine.VoicemailTests;

/// <summary>Reads 16-bit PCM WAV and estimates the speaker's fundamental frequency.</summary>
public static class PitchMeter
{
    public static (short[] Samples, int Rate) ReadWav(byte[] wav)
    {
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(wav, 8, 4));
        int rate = 0, channels = 0, bits = 0;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(wav, position, 4);
            var size = BitConverter.ToInt32(wav, position + 4);
            var body = position + 8;
            if (id == "fmt ")
            {
                channels = BitConverter.ToInt16(wav, body + 2);
                rate = BitConverter.ToInt32(wav, body + 4);
                bits = BitConverter.ToInt16(wav, body + 14);
            }
            else if (id == "data")
            {
                Assert.Equal(16, bits);
                var length = Math.Min(size, wav.Length - body) / 2 / channels;
                var samples = new short[length];
                for (var i = 0; i < length; i++) samples[i] = BitConverter.ToInt16(wav, body + i * 2 * channels);
                return (samples, rate);
            }
            position = body + size + (size & 1);
        }
        throw new InvalidDataException("no data chunk");
    }

    /// <summary>
    /// Median fundamental (Hz) over the loud, clearly periodic 40 ms frames, by normalised autocorrelation over
    /// 60–400 Hz. Takes the shortest lag within 10% of the best peak to avoid octave errors.
    /// </summary>
    public static double MedianFundamental(short[] samples, int rate)
    {
        var pitches = Track(samples, rate).OfType<double>().Where(f => !double.IsNaN(f)).Order().ToList();
        Assert.True(pitches.Count >= 10, $"only {pitches.Count} voiced frames found");
        return pitches[pitches.Count / 2];
    }

    /// <summary>
    /// The share of loud frames (RMS at least a quarter of the loudest) that are clearly periodic (normalised
    /// autocorrelation of 0.6 or more at a lag in 60–400 Hz).
    /// </summary>
    public static double VoicedShare(short[] samples, int rate)
    {
        var loud = Track(samples, rate).OfType<double>().ToList();
        return (double)loud.Count(f => !double.IsNaN(f)) / loud.Count;
    }

    /// <summary>
    /// The share of <paramref name="reference"/>'s voiced frames where <paramref name="other"/> (same timing) has a
    /// fundamental within 5% of the reference's: how much of the voice's pitch contour the other recording carries.
    /// </summary>
    public static double ContourMatch(short[] reference, short[] other, int rate)
    {
        var (a, b) = (Track(reference, rate), Track(other, rate));
        int voiced = 0, matching = 0;
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] is not { } f || double.IsNaN(f)) continue;
            voiced++;
            if (b[i] is { } g && Math.Abs(g / f - 1) <= 0.05) matching++;
        }
        return (double)matching / voiced;
    }

    /// <summary>Per 10 ms hop: a loud frame's fundamental (NaN when it has none); null for a quiet frame.</summary>
    private static List<double?> Track(short[] samples, int rate)
    {
        var frame = rate * 40 / 1000;
        var hop = rate * 10 / 1000;
        int minLag = rate / 400, maxLag = rate / 60;
        var rms = new List<(int Start, double Rms)>();
        for (var start = 0; start + frame + maxLag < samples.Length; start += hop)
        {
            double sum = 0;
            for (var i = 0; i < frame; i++) sum += (double)samples[start + i] * samples[start + i];
            rms.Add((start, Math.Sqrt(sum / frame)));
        }
        var loudest = rms.Max(r => r.Rms);
        var track = new List<double?>();
        foreach (var (start, level) in rms)
        {
            track.Add(level < 0.25 * loudest ? null : Fundamental(samples, start, frame, minLag, maxLag, rate));
        }
        return track;
    }

    private static double Fundamental(short[] samples, int start, int frame, int minLag, int maxLag, int rate)
    {
        var correlation = new double[maxLag + 1];
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            double xy = 0, xx = 0, yy = 0;
            for (var i = 0; i < frame; i++)
            {
                double x = samples[start + i], y = samples[start + i + lag];
                xy += x * y;
                xx += x * x;
                yy += y * y;
            }
            correlation[lag] = xx > 0 && yy > 0 ? xy / Math.Sqrt(xx * yy) : 0;
        }
        var best = correlation.Skip(minLag).Max();
        if (best < 0.6) return double.NaN;
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            if (correlation[lag] >= 0.9 * best && IsPeak(correlation, lag, minLag, maxLag)) return (double)rate / lag;
        }
        return double.NaN;
    }

    private static bool IsPeak(double[] c, int lag, int min, int max) =>
        (lag == min || c[lag] >= c[lag - 1]) && (lag == max || c[lag] >= c[lag + 1]);
}
