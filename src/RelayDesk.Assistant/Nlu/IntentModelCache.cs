namespace RelayDesk.Assistant.Nlu;

/// <summary>
/// Trains once and then loads: the model file is named after <see cref="IntentClassifier.ComputeCacheKey"/>
/// (hash of training rows + options + pipeline version), so new data or a new pipeline version retrains.
/// Writes atomically (temp file + move); an unreadable cache file is replaced.
/// </summary>
public static class IntentModelCache
{
    public static string ModelPath(string cacheDirectory, IReadOnlyList<IntentExample> rows, IntentClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        return Path.Combine(cacheDirectory, $"intent-model-{IntentClassifier.ComputeCacheKey(rows, options)[..32]}.zip");
    }

    public static IntentClassifier LoadOrTrain(
        IReadOnlyList<IntentExample> rows, string cacheDirectory, IntentClassifierOptions? options = null)
        => LoadOrTrain(rows, cacheDirectory, out _, options);

    public static IntentClassifier LoadOrTrain(
        IReadOnlyList<IntentExample> rows, string cacheDirectory, out bool loadedFromCache, IntentClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string path = ModelPath(cacheDirectory, rows, options);
        if (File.Exists(path))
        {
            try
            {
                var cached = IntentClassifier.Load(path);
                if (cached.CacheKey == IntentClassifier.ComputeCacheKey(rows, options))
                {
                    loadedFromCache = true;
                    return cached;
                }

                cached.Dispose();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
            {
                // Corrupt or incompatible cache file: retrain below and overwrite it.
            }
        }

        var model = IntentClassifier.Train(rows, options);
        Directory.CreateDirectory(cacheDirectory);
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        model.Save(temp);
        File.Move(temp, path, overwrite: true);
        loadedFromCache = false;
        return model;
    }
}
