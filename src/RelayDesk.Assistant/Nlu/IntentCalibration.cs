namespace RelayDesk.Assistant.Nlu;

/// <summary>
/// Confidence calibration and out-of-scope threshold selection on out-of-fold predictions of the training data.
/// Never sees the evaluation data.
/// </summary>
internal static class IntentCalibration
{
    /// <summary>The chosen threshold with out-of-fold in-scope accuracy and OOS recall at it and at threshold 0.</summary>
    internal sealed record ThresholdChoice(
        float Threshold, double InScopeAccuracy, double OosRecall, double InScopeAccuracyAtZero, double OosRecallAtZero);

    /// <summary>
    /// Softmax temperature T minimising the mean negative log-likelihood of <paramref name="truth"/> under
    /// p_i^(1/T) / Σ p_j^(1/T) (temperature scaling, the multi-class form of Platt scaling). Golden-section search
    /// on β = 1/T ∈ [0.05, 20]; the NLL is convex in β.
    /// </summary>
    public static float FitTemperature(IReadOnlyList<float[]> probs, IReadOnlyList<int> truth)
    {
        if (probs.Count == 0)
        {
            return 1f;
        }

        double lo = 0.05, hi = 20;
        double phi = (Math.Sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = Nll(probs, truth, a), fb = Nll(probs, truth, b);
        for (int it = 0; it < 60; it++)
        {
            if (fa < fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - phi * (hi - lo);
                fa = Nll(probs, truth, a);
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + phi * (hi - lo);
                fb = Nll(probs, truth, b);
            }
        }

        double beta = (lo + hi) / 2;
        return (float)(1 / beta);
    }

    public static double Nll(IReadOnlyList<float[]> probs, IReadOnlyList<int> truth, double beta)
    {
        double sum = 0;
        for (int r = 0; r < probs.Count; r++)
        {
            var p = probs[r];
            double max = double.NegativeInfinity;
            for (int i = 0; i < p.Length; i++)
            {
                max = Math.Max(max, beta * SafeLog(p[i]));
            }

            double z = 0;
            for (int i = 0; i < p.Length; i++)
            {
                z += Math.Exp(beta * SafeLog(p[i]) - max);
            }

            sum -= beta * SafeLog(p[truth[r]]) - max - Math.Log(z);
        }

        return sum / probs.Count;
    }

    /// <summary>Applies temperature scaling in place-free fashion.</summary>
    public static float[] ApplyTemperature(ReadOnlySpan<float> p, float temperature)
    {
        var result = new float[p.Length];
        if (Math.Abs(temperature - 1f) < 1e-6f)
        {
            p.CopyTo(result);
            return result;
        }

        double beta = 1.0 / temperature;
        double max = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            max = Math.Max(max, beta * SafeLog(p[i]));
        }

        double z = 0;
        var tmp = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            tmp[i] = Math.Exp(beta * SafeLog(p[i]) - max);
            z += tmp[i];
        }

        for (int i = 0; i < p.Length; i++)
        {
            result[i] = (float)(tmp[i] / z);
        }

        return result;
    }

    private static double SafeLog(float p) => Math.Log(Math.Max(p, 1e-30f));

    /// <summary>
    /// Out-of-scope threshold t: a query is rejected when its top label is the out-of-scope label or its confidence
    /// is below t. With out-of-scope rows (<paramref name="oosIndex"/> ≥ 0), t is swept over the out-of-fold
    /// confidences and the smallest t with the best <paramref name="objective"/> is kept (placed midway between
    /// neighbouring confidences). Without, t is the <paramref name="inScopeRejectRate"/> quantile of the top
    /// confidences, so that share of in-scope queries is rejected.
    /// </summary>
    public static ThresholdChoice ChooseThreshold(
        IReadOnlyList<float[]> probs, IReadOnlyList<int> truth, int oosIndex, double inScopeRejectRate,
        OosThresholdObjective objective = OosThresholdObjective.InScopeAccuracyTimesOosRecall, double targetOosRecall = 0.95)
    {
        int n = probs.Count;
        if (n == 0)
        {
            return new ThresholdChoice(0f, 0, 0, 0, 0);
        }

        var top = new int[n];
        var conf = new float[n];
        for (int r = 0; r < n; r++)
        {
            top[r] = ArgMax(probs[r]);
            conf[r] = probs[r][top[r]];
        }

        int inScope = 0, oos = 0, inScopeCorrect = 0, oosCaught = 0;
        var candidates = new List<int>();
        for (int r = 0; r < n; r++)
        {
            bool isOos = oosIndex >= 0 && truth[r] == oosIndex;
            if (isOos)
            {
                oos++;
            }
            else
            {
                inScope++;
            }

            if (oosIndex >= 0 && top[r] == oosIndex)
            {
                if (isOos)
                {
                    oosCaught++;
                }
            }
            else
            {
                candidates.Add(r);
                if (!isOos && top[r] == truth[r])
                {
                    inScopeCorrect++;
                }
            }
        }

        candidates.Sort((x, y) => conf[x].CompareTo(conf[y]) != 0 ? conf[x].CompareTo(conf[y]) : x.CompareTo(y));
        double accAtZero = inScope == 0 ? 0 : (double)inScopeCorrect / inScope;
        double recallAtZero = oos == 0 ? 0 : (double)oosCaught / oos;

        if (oos == 0 || inScope == 0)
        {
            int k = (int)Math.Floor(inScopeRejectRate * candidates.Count);
            float t = k <= 0 ? 0f : (conf[candidates[k - 1]] + conf[candidates[Math.Min(k, candidates.Count - 1)]]) / 2f;
            int correctAbove = candidates.Skip(k).Count(r => top[r] == truth[r]);
            return new ThresholdChoice(t, inScope == 0 ? 0 : (double)correctAbove / inScope, recallAtZero, accAtZero, recallAtZero);
        }

        double best = Score(inScopeCorrect, oosCaught);
        int bestI = 0, bestCorrect = inScopeCorrect, bestCaught = oosCaught;
        bool reached = objective == OosThresholdObjective.TargetOosRecall && (double)oosCaught / oos >= targetOosRecall;
        for (int i = 0; i < candidates.Count && !reached; i++)
        {
            int r = candidates[i];
            if (truth[r] == oosIndex)
            {
                oosCaught++;
            }
            else if (top[r] == truth[r])
            {
                inScopeCorrect--;
            }

            bool boundary = i + 1 == candidates.Count || conf[candidates[i + 1]] > conf[r];
            if (!boundary)
            {
                continue;
            }

            if (objective == OosThresholdObjective.TargetOosRecall)
            {
                if ((double)oosCaught / oos >= targetOosRecall)
                {
                    reached = true;
                    (bestI, bestCorrect, bestCaught) = (i + 1, inScopeCorrect, oosCaught);
                }

                continue;
            }

            double s = Score(inScopeCorrect, oosCaught);
            if (s > best + 1e-12)
            {
                (best, bestI, bestCorrect, bestCaught) = (s, i + 1, inScopeCorrect, oosCaught);
            }
        }

        float threshold;
        if (bestI == 0)
        {
            threshold = candidates.Count == 0 ? 0f : conf[candidates[0]] / 2f;
        }
        else
        {
            float below = conf[candidates[bestI - 1]];
            float above = bestI < candidates.Count ? conf[candidates[bestI]] : Math.Min(1f, below + 1e-4f);
            threshold = (below + above) / 2f;
        }

        return new ThresholdChoice(threshold, (double)bestCorrect / inScope, (double)bestCaught / oos, accAtZero, recallAtZero);

        double Score(int correct, int caught) => objective == OosThresholdObjective.Accuracy
            ? (double)(correct + caught) / n
            : (double)correct / inScope * caught / oos;
    }

    public static int ArgMax(ReadOnlySpan<float> p)
    {
        int best = 0;
        for (int i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return best;
    }
}
