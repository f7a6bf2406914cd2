"""Engines that run the pipeline on more than one machine. The local engine (one
process, or worker processes on one machine) is :func:`dossier.pipeline.run`."""
