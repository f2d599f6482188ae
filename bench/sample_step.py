"""Python/PyTorch peer of one sampling step of `mediagen bench generate` on the `latent` preset.

The denoiser of bench/train_step.py at the latent preset's sizes — width 192, depth 6, 6 heads, patch 1 on
8-channel 8×8×8 TAE latents (512 tokens), 128 text tokens — evaluated under no_grad on a batch of 2 (the
conditional and unconditional halves of classifier-free guidance in one forward), then the guided Euler update.
Approximately the same model: the Java denoiser also has a conv stem, a conv refine head and QK-norm, which are
small at 8×8 latents and count against Java. Prints `python_step_ms=<median>`.
"""
import os
import sys

for k, v in dict(D=192, DEPTH=6, HEADS=6, P=1, C=8, B=2, T=8, H=8, W=8, L=128).items():
    os.environ.setdefault("PEER_" + k, str(v))

import torch  # noqa: E402

import train_step as ts  # noqa: E402


def main():
    torch.manual_seed(0)
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    iters = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    model = ts.Denoiser().eval()
    half = ts.B // 2
    x = torch.randn(half, ts.C, ts.T, ts.H, ts.W)
    ctx = torch.randn(ts.B, ts.L, ts.D)
    pooled = ctx.mean(1)
    state = {"x": x}

    def step():
        v = model(torch.cat([state["x"], state["x"]]), torch.full((ts.B,), 0.5), ctx, pooled)
        vc, vu = v[:half], v[half:]
        state["x"] = state["x"] + 0.02 * (vu + 4.0 * (vc - vu))

    with torch.no_grad():
        ms = ts.median_ms(step, iters)
    print(f"python_tokens={ts.T * ts.H * ts.W // (ts.P * ts.P)} python_batch={ts.B}")
    print(f"python_step_ms={ms:.1f}")

if __name__ == "__main__":
    main()
