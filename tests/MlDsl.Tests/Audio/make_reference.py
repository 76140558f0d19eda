"""Writes torchaudio_reference.json: the reference values the audio tests check against.

Run with Debian's python3-torchaudio (0.13): /usr/bin/python3 make_reference.py
The output is checked in; the tests themselves never run Python.
"""
import json
import math

import torch
import torchaudio

torch.set_num_threads(1)
rate, n = 8000, 1600
signal = torch.tensor([
    0.5 * math.sin(2 * math.pi * 440 * i / rate)
    + 0.25 * math.sin(2 * math.pi * 1234.5 * i / rate + 0.3)
    + 0.1 * ((i * 7919 % 1000) / 1000 - 0.5)
    for i in range(n)], dtype=torch.float32)

mel = torchaudio.transforms.MelSpectrogram(sample_rate=rate, n_fft=256, hop_length=80, n_mels=32)(signal)
db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80)(mel.unsqueeze(0))[0]
mfcc = torchaudio.transforms.MFCC(sample_rate=rate, n_mfcc=13, melkwargs={"n_fft": 256, "hop_length": 80, "n_mels": 32})(signal)
slaney = torchaudio.functional.melscale_fbanks(n_freqs=129, f_min=0.0, f_max=4000.0, n_mels=32, sample_rate=rate,
                                               norm="slaney", mel_scale="slaney")
resampled = torchaudio.functional.resample(signal, orig_freq=8000, new_freq=16000)
down = torchaudio.functional.resample(signal, orig_freq=8000, new_freq=6000)
odd = torchaudio.functional.resample(signal, orig_freq=8000, new_freq=22050)
# f_min 20 Hz and f_max 3800 Hz: the MinHz/MaxHz options of MelSpectrogram and Mfcc.
mel_band = torchaudio.transforms.MelSpectrogram(sample_rate=rate, n_fft=256, hop_length=80, n_mels=32, f_min=20.0, f_max=3800.0)(signal)
mfcc_band = torchaudio.transforms.MFCC(sample_rate=rate, n_mfcc=13,
                                       melkwargs={"n_fft": 256, "hop_length": 80, "n_mels": 32, "f_min": 20.0, "f_max": 3800.0})(signal)

json.dump({
    "torchaudio": torchaudio.__version__,
    "signal": signal.tolist(),
    "mel_htk": mel.tolist(),
    "db_top80": db.tolist(),
    "mfcc13": mfcc.tolist(),
    "fbank_slaney": slaney.t().tolist(),
    "resampled_16000": resampled.tolist(),
    "resampled_6000": down.tolist(),
    "resampled_22050": odd.tolist(),
    "mel_htk_fmin20_fmax3800": mel_band.tolist(),
    "mfcc13_fmin20_fmax3800": mfcc_band.tolist(),
}, open("torchaudio_reference.json", "w"))
