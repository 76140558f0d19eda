using System.Text.Json;
using MlDsl.Deployment.PyTorch;
using MlDsl.Persistence;
using MlDsl.Tests.Layers;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// Weights in the safetensors format, both ways: MlDsl's file read by plain Python (the format parsed with json and
/// numpy, as Debian 12 has no python3-safetensors), a Python-written file loaded into a generated model, and every
/// damaged or foreign file refused with the path, key and shapes before the model changes.
/// </summary>
public sealed class SafetensorsTests() : TemporaryFolder("mldsl-safetensors")
{
    private static GaugeMlp Randomized(int seed)
    {
        var model = new GaugeMlp(seed: seed);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(seed);
        foreach ((string name, Tensor tensor) in model.state_dict())
        {
            if (name.EndsWith("num_batches_tracked", StringComparison.Ordinal)) tensor.fill_(seed * 7);
            else if (name.EndsWith("running_var", StringComparison.Ordinal)) tensor.copy_(rand_like(tensor) + 0.5);
            else tensor.copy_(randn_like(tensor));
        }
        return model;
    }

    private static Dictionary<string, float[]> Values(nn.Module model) =>
        model.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.to_type(ScalarType.Float32).data<float>().ToArray());

    [Fact]
    public void Weights_saved_as_safetensors_load_into_a_fresh_model_unchanged_buffers_included()
    {
        using GaugeMlp trained = Randomized(seed: 3);
        using GaugeMlp fresh = new(seed: 9);
        string path = Path.Combine(Root, "nested", "gauge.safetensors");

        trained.SaveSafetensors(path);
        fresh.LoadSafetensors(path);

        Assert.Equal(Values(trained), Values(fresh));
        Assert.Equal(21L, fresh.state_dict()["hiddenBatchNorm1d.num_batches_tracked"].item<long>());
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Python_reads_the_same_tensors_and_writes_a_file_MlDsl_loads()
    {
        DebianPython.Require("numpy", "python3-numpy");
        using GaugeMlp trained = Randomized(seed: 4);
        string ours = Path.Combine(Root, "ours.safetensors"), theirs = Path.Combine(Root, "theirs.safetensors");
        trained.SaveSafetensors(ours);
        // The format by its specification: u64 little-endian header length, JSON header, raw little-endian values.
        // Python writes its file as safetensors.torch.save_file does: sorted keys, __metadata__, header padded to 8 bytes.
        string script = Path.Combine(Root, "safetensors_check.py");
        File.WriteAllText(script, """
            import json, struct, sys
            import numpy as np
            kinds = {"F32": "<f4", "F64": "<f8", "I64": "<i8"}
            def read(path):
                with open(path, "rb") as f:
                    raw = f.read()
                (n,) = struct.unpack("<Q", raw[:8])
                header = json.loads(raw[8:8 + n])
                data = raw[8 + n:]
                out = {}
                for key, entry in header.items():
                    if key == "__metadata__":
                        continue
                    begin, end = entry["data_offsets"]
                    values = np.frombuffer(data[begin:end], dtype=kinds[entry["dtype"]]).reshape(entry["shape"])
                    out[key] = values
                return out
            tensors = read(sys.argv[1])
            print(json.dumps({key: {"shape": list(v.shape), "values": [float(x) for x in v.ravel()]} for key, v in tensors.items()}))
            # Write back: every float tensor times two, keys sorted, header padded with spaces to a multiple of 8.
            header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
            for key in sorted(tensors):
                v = tensors[key] * 2 if tensors[key].dtype.kind == "f" else tensors[key]
                blob = np.ascontiguousarray(v).astype(v.dtype.newbyteorder("<")).tobytes()
                header[key] = {"dtype": {"f": "F32", "i": "I64"}[v.dtype.kind], "shape": list(v.shape), "data_offsets": [offset, offset + len(blob)]}
                blobs.append(blob)
                offset += len(blob)
            text = json.dumps(header, separators=(",", ":")).encode()
            text += b" " * (-len(text) % 8)
            with open(sys.argv[2], "wb") as f:
                f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
            """);

        (int exit, string output) = DebianPython.Run(DebianPython.Python, $"\"{script}\" \"{ours}\" \"{theirs}\"");

        Assert.True(exit == 0, $"python3 failed: {output}");
        using JsonDocument read = JsonDocument.Parse(output);
        Dictionary<string, Tensor> state = trained.state_dict();
        Assert.Equal(state.Keys.Order(), read.RootElement.EnumerateObject().Select(property => property.Name).Order());
        foreach ((string key, Tensor tensor) in state)
        {
            JsonElement entry = read.RootElement.GetProperty(key);
            Assert.Equal(tensor.shape, entry.GetProperty("shape").EnumerateArray().Select(size => size.GetInt64()));
            Assert.Equal(tensor.to_type(ScalarType.Float64).data<double>().ToArray(), entry.GetProperty("values").EnumerateArray().Select(value => value.GetDouble()));
        }
        using GaugeMlp loaded = new(seed: 9);
        loaded.LoadSafetensors(theirs);
        foreach ((string key, Tensor tensor) in loaded.state_dict())
        {
            Tensor original = state[key];
            Assert.Equal(original.is_floating_point() ? (original * 2).data<float>().ToArray() : original.to_type(ScalarType.Float32).data<float>().ToArray(),
                tensor.to_type(ScalarType.Float32).data<float>().ToArray());
        }
    }

    [Fact]
    public void Another_models_file_is_refused_naming_the_keys_and_changes_nothing()
    {
        using var model = new PointMlp(seed: 1);
        using GaugeMlp other = Randomized(seed: 2);
        string path = Path.Combine(Root, "gauge.safetensors");
        other.SaveSafetensors(path);
        Dictionary<string, float[]> before = Values(model);

        var problem = Assert.Throws<ModelFileException>(() => model.LoadSafetensors(path));

        Assert.StartsWith(path + ": keys differ from the model's:", problem.Message);
        Assert.Contains("unexpected hiddenBatchNorm1d.bias", problem.Message);
        Assert.Equal(before, Values(model));
    }

    [Fact]
    public void A_tensor_of_another_shape_is_refused_naming_the_key_and_both_shapes_and_changes_nothing()
    {
        using var model = new PointMlp(seed: 1);
        Dictionary<string, Tensor> weights = new PointMlp(seed: 2).state_dict();
        weights["hidden.weight"] = zeros(32, 5);
        string path = Path.Combine(Root, "wider.safetensors");
        using (var stream = File.Create(path)) Safetensors.SaveStateDict(stream, weights);
        Dictionary<string, float[]> before = Values(model);

        var problem = Assert.Throws<ModelFileException>(() => model.LoadSafetensors(path));

        Assert.Equal(path + ": 'hidden.weight' has shape (32, 5); the model's is (32, 4)", problem.Message);
        Assert.Equal(before, Values(model));
    }

    [Fact]
    public void Truncated_damaged_and_foreign_files_are_refused_with_the_path_and_change_nothing()
    {
        using var model = new PointMlp(seed: 1);
        string good = Path.Combine(Root, "good.safetensors");
        new PointMlp(seed: 2).SaveSafetensors(good);
        byte[] bytes = File.ReadAllBytes(good);
        int headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        string header = System.Text.Encoding.UTF8.GetString(bytes, 8, headerLength);
        Dictionary<string, float[]> before = Values(model);

        string Write(string name, byte[] content)
        {
            string path = Path.Combine(Root, name);
            File.WriteAllBytes(path, content);
            return path;
        }
        byte[] WithHeader(string text)
        {
            byte[] json = System.Text.Encoding.UTF8.GetBytes(text);
            return BitConverter.GetBytes((ulong)json.Length).Concat(json).Concat(bytes.Skip(8 + headerLength)).ToArray();
        }
        var cases = new (string Path, string Expected)[]
        {
            (Write("truncated.safetensors", bytes[..^10]), "lie outside its"),
            (Write("header-cut.safetensors", bytes[..(8 + headerLength / 2)]), "byte 0: the header length says"),
            (Write("tiny.safetensors", bytes[..5]), "too short for a safetensors file"),
            (Write("text.safetensors", System.Text.Encoding.UTF8.GetBytes("this is not a safetensors file at all")), "byte 0: the header length says"),
            (Write("bad-json.safetensors", WithHeader(header.Replace("\"shape\"", "\"shape\"\"", StringComparison.Ordinal))), "byte 8: the header is not valid JSON"),
            (Write("bad-dtype.safetensors", WithHeader(header.Replace("\"F32\"", "\"F99\"", StringComparison.Ordinal))), "dtype F99 is not one of"),
            (Write("huge-shape.safetensors", WithHeader(header.Replace("[32,4]", "[3200000000,4000000000]", StringComparison.Ordinal))), "'hidden.weight': shape (3200000000, 4000000000) is too large"),
        };

        foreach ((string path, string expected) in cases)
        {
            var problem = Assert.Throws<ModelFileException>(() => model.LoadSafetensors(path));
            Assert.StartsWith(path + ": ", problem.Message);
            Assert.Contains(expected, problem.Message);
        }
        Assert.Equal(before, Values(model));
        Assert.Contains("[32,4]", header); // the huge-shape case edited a real entry
    }
}
