"""Python/PyTorch peer of `mediagen bench train-step`: the same denoiser, batch and optimizer.

Mirrors dev.mediagen.video.Denoiser with DenoiserConfig.benchReference(): patch 4, hidden 256, depth 4,
4 heads, SwiGLU hidden round(4*256*2/3)=683, adaLN-Zero, cross-attention to 32 text tokens, factorized
positional embeddings added at every layer, no conv stem/refine head, no QK-norm; input (8, 3, 4, 32, 32)
= 256 video tokens; MSE loss, forward + backward + AdamW. Prints `python_ms=<median>`.
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

def _env(name, default):
    import os
    return int(os.environ.get("PEER_" + name, default))


# the reference step's sizes; bench/sample_step.py sets PEER_* to reuse this model at other sizes
D, DEPTH, HEADS, P, C = _env("D", 256), _env("DEPTH", 4), _env("HEADS", 4), _env("P", 4), _env("C", 3)
B, T, H, W, L = _env("B", 8), _env("T", 4), _env("H", 32), _env("W", 32), _env("L", 32)
HID = round(4 * D * 2 / 3)


def rms(x, eps=1e-6):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)


def modulate(x, shift, scale):
    return x * (1 + scale.unsqueeze(1)) + shift.unsqueeze(1)


def attention(q, k, v):
    s = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
    return s.softmax(-1) @ v


def heads(x):
    b, n, d = x.shape
    return x.view(b, n, HEADS, d // HEADS).transpose(1, 2)


def merge(x):
    b, h, n, dh = x.shape
    return x.transpose(1, 2).reshape(b, n, h * dh)


class RMSNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return rms(x) * self.weight


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ada = nn.Linear(D, 6 * D)
        self.qkv = nn.Linear(D, 3 * D)
        self.proj = nn.Linear(D, D)
        self.cross_norm = RMSNorm(D)
        self.q = nn.Linear(D, D)
        self.kv = nn.Linear(D, 2 * D)
        self.cproj = nn.Linear(D, D)
        self.w13 = nn.Linear(D, 2 * HID, bias=False)
        self.w2 = nn.Linear(HID, D, bias=False)

    def forward(self, h, c, ctx):
        sh1, sc1, g1, sh2, sc2, g2 = self.ada(F.silu(c)).chunk(6, -1)
        q, k, v = self.qkv(modulate(rms(h), sh1, sc1)).chunk(3, -1)
        h = h + g1.unsqueeze(1) * self.proj(merge(attention(heads(q), heads(k), heads(v))))
        k2, v2 = self.kv(ctx).chunk(2, -1)
        h = h + self.cproj(merge(attention(heads(self.q(self.cross_norm(h))), heads(k2), heads(v2))))
        a, b = self.w13(modulate(rms(h), sh2, sc2)).chunk(2, -1)
        return h + g2.unsqueeze(1) * self.w2(F.silu(a) * b)


class Denoiser(nn.Module):
    def __init__(self):
        super().__init__()
        self.x_embed = nn.Linear(C * P * P, D)
        self.t1, self.t2 = nn.Linear(256, D), nn.Linear(D, D)
        self.text_pool = nn.Linear(D, D)
        self.pt = nn.Parameter(torch.randn(16, D) * 0.02)
        self.ph = nn.Parameter(torch.randn(16, D) * 0.02)
        self.pw = nn.Parameter(torch.randn(16, D) * 0.02)
        self.blocks = nn.ModuleList(Block() for _ in range(DEPTH))
        self.final_ada = nn.Linear(D, 2 * D)
        self.final = nn.Linear(D, C * P * P)

    def forward(self, x, t, ctx, pooled):
        b, c, tt, h, w = x.shape
        gh, gw = h // P, w // P
        tok = x.reshape(b, c, tt, gh, P, gw, P).permute(0, 2, 3, 5, 1, 4, 6).reshape(b, tt * gh * gw, c * P * P)
        hdn = self.x_embed(tok)
        half = 128
        freqs = torch.exp(-math.log(10000.0) * torch.arange(half) / half)
        args = (t * 1000).unsqueeze(1) * freqs.unsqueeze(0)
        temb = self.t2(F.silu(self.t1(torch.cat([args.cos(), args.sin()], 1))))
        cond = temb + self.text_pool(pooled)
        pe = (self.pt[:tt].view(tt, 1, 1, D) + self.ph[:gh].view(1, gh, 1, D) + self.pw[:gw].view(1, 1, gw, D)).reshape(1, -1, D)
        for blk in self.blocks:
            hdn = blk(hdn + pe, cond, ctx)
        sh, sc = self.final_ada(F.silu(cond)).chunk(2, -1)
        out = self.final(modulate(rms(hdn), sh, sc))
        return out.reshape(b, tt, gh, gw, c, P, P).permute(0, 4, 1, 2, 5, 3, 6).reshape(b, c, tt, h, w)


def main():
    torch.manual_seed(0)
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    iters = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    model = Denoiser()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0)
    x = torch.randn(B, C, T, H, W)
    target = torch.randn(B, C, T, H, W)
    t = torch.rand(B)
    ctx = torch.randn(B, L, D)
    pooled = ctx.mean(1)
    n_params = sum(p.numel() for p in model.parameters())
    last = {}

    def step():
        loss = (model(x, t, ctx, pooled) - target).pow(2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        last["loss"] = loss

    ms = median_ms(step, iters)
    print(f"python_params={n_params} python_loss={last['loss'].item():.4f}")
    print(f"python_ms={ms:.1f}")


def median_ms(step, iters, warmup=3):
    """Median wall time in ms of `iters` calls of step(), after `warmup` untimed ones."""
    times = []
    for i in range(iters + warmup):
        t0 = time.perf_counter()
        step()
        if i >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2]

if __name__ == "__main__":
    main()
