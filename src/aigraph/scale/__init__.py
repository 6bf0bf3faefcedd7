"""Scale-out: extraction in worker processes or on Dask, partitioned exports, pushing to other stores."""
