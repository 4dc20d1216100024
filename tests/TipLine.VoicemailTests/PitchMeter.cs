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
        var pitches = new List<double>();
        foreach (var (start, level) in rms)
        {
            if (level < 0.25 * loudest) continue;
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
            if (best < 0.6) continue;
            for (var lag = minLag; lag <= maxLag; lag++)
            {
                if (correlation[lag] >= 0.9 * best && IsPeak(correlation, lag, minLag, maxLag))
                {
                    pitches.Add((double)rate / lag);
                    break;
                }
            }
        }
        Assert.True(pitches.Count >= 10, $"only {pitches.Count} voiced frames found");
        pitches.Sort();
        return pitches[pitches.Count / 2];
    }

    private static bool IsPeak(double[] c, int lag, int min, int max) =>
        (lag == min || c[lag] >= c[lag - 1]) && (lag == max || c[lag] >= c[lag + 1]);
}
