import AdvocateTools

AdvocateCLI.main()
